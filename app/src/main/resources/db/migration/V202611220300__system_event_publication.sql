-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0.5), written once in
-- SQL that H2 (PostgreSQL mode) and PostgreSQL both accept: VARCHAR instead of TEXT (H2 maps TEXT to CLOB, which
-- cannot be indexed) and a plain index instead of PostgreSQL's hash index. Events carry only ids and outcomes
-- (STYLE.md), so 4000 characters is ample.
CREATE TABLE event_publication
(
  id                     UUID                     NOT NULL,
  listener_id            VARCHAR(512)             NOT NULL,
  event_type             VARCHAR(512)             NOT NULL,
  serialized_event       VARCHAR(4000)            NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
