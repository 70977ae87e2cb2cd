package sightline.courses.teaching;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An e-mail address typed to add a co-teacher or a student. */
public record EmailForm(@NotBlank @Email @Size(max = 254) String email) {
}
