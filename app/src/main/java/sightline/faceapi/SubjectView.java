package sightline.faceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subject as the API shows it.
 *
 * @param id        the subject's id, used in {@code /subjects/{subject}}
 * @param name      the integrator's name for it, unique within the application
 * @param createdAt when it was created
 * @param imageCount how many face templates it has
 * @param images    its images, oldest first (only on {@code GET /subjects/{subject}})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubjectView(UUID id, String name, Instant createdAt, int imageCount, @Nullable List<SubjectImageView> images) {
}
