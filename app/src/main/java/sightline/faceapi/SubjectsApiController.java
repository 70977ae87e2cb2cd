package sightline.faceapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key's application's subjects: the people an integrator enrols. Reading needs scope {@code subjects:read},
 * every change {@code subjects:write}.
 */
@RestController
@RequestMapping(FaceApiScope.BASE + "/subjects")
@Tag(name = "Face API")
@SecurityRequirement(name = "faceApiKey")
@FacesApiController.CommonProblems
class SubjectsApiController {

  /** A new subject, or a new name for one. */
  record SubjectForm(@NotBlank @Size(max = 200) String name) {}

  /** One page of subjects, by name. */
  record SubjectPage(List<SubjectView> subjects, int page, int size, long total) {}

  private final FaceSubjects subjects;
  private final ImageUploads uploads;

  SubjectsApiController(FaceSubjects subjects, ImageUploads uploads) {
    this.subjects = subjects;
    this.uploads = uploads;
  }

  @GetMapping
  @Operation(summary = "List the application's subjects", description = "Scope subjects:read. Sorted by name.")
  SubjectPage listSubjects(@AuthenticationPrincipal ApiCaller caller,
      @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Page size, 1 to 1000") @RequestParam(defaultValue = "100") int size) {
    int bounded = Math.clamp(size, 1, FaceSubjects.MAX_PAGE_SIZE);
    return new SubjectPage(subjects.list(caller, page, bounded), Math.max(0, page), bounded, subjects.count(caller));
  }

  @PostMapping
  @Operation(summary = "Create a subject", description = "Scope subjects:write. Names are unique per application.")
  @ApiResponse(responseCode = "201", description = "Created; Location is the subject's address")
  @ApiResponse(responseCode = "409", description = "Name taken",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<SubjectView> createSubject(@AuthenticationPrincipal ApiCaller caller,
      @Valid @RequestBody SubjectForm form) {
    SubjectView created = subjects.create(caller, form.name());
    return ResponseEntity.created(URI.create(FaceApiScope.BASE + "/subjects/" + created.id())).body(created);
  }

  @GetMapping("/{subject}")
  @Operation(summary = "A subject and its images", description = "Scope subjects:read. Images are metadata only: "
      + "Sightline keeps the encrypted face template, never the picture.")
  @ApiResponse(responseCode = "404", description = "No such subject in this application",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  SubjectView showSubject(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID subject) {
    return subjects.get(caller, subject);
  }

  @PatchMapping("/{subject}")
  @Operation(summary = "Rename a subject", description = "Scope subjects:write.")
  @ApiResponse(responseCode = "404", description = "No such subject in this application",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "Name taken",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  SubjectView renameSubject(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID subject,
      @Valid @RequestBody SubjectForm form) {
    return subjects.rename(caller, subject, form.name());
  }

  @DeleteMapping("/{subject}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a subject and all its face templates", description = "Scope subjects:write. The "
      + "template rows are deleted, not flagged, and recognition stops finding the subject at once.")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "404", description = "No such subject in this application",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  void deleteSubject(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID subject) {
    subjects.delete(caller, subject);
  }

  @PostMapping("/{subject}/images")
  @Operation(summary = "Add a face template to a subject from an image with exactly one face",
      description = "Scope subjects:write. The image is analysed and discarded; the template is stored encrypted. "
          + "An image with no face or with several faces is refused (422, faces says how many).")
  @FacesApiController.OneImage
  @ApiResponse(responseCode = "201", description = "Added")
  @ApiResponse(responseCode = "404", description = "No such subject in this application",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @FacesApiController.ImageProblems
  ResponseEntity<SubjectImageView> addImage(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID subject,
      HttpServletRequest request) {
    SubjectImageView added = subjects.addImage(caller, subject, uploads.read(request, "file", true));
    return ResponseEntity.created(URI.create(FaceApiScope.BASE + "/subjects/" + subject + "/images/"
        + added.imageId())).body(added);
  }

  @DeleteMapping("/{subject}/images/{imageId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove one face template of a subject", description = "Scope subjects:write.")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "404", description = "No such image of this subject",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  void removeImage(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID subject,
      @PathVariable UUID imageId) {
    subjects.removeImage(caller, subject, imageId);
  }
}
