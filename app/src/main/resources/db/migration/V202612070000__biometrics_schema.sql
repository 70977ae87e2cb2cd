-- The biometrics module's schema: face templates, decisions, liveness sessions and the integrators' face API.
CREATE SCHEMA biometrics;
