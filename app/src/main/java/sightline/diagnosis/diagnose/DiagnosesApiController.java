package sightline.diagnosis.diagnose;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sightline.diagnosis.DiagnosisId;
import sightline.diagnosis.DiagnosisView;
import sightline.diagnosis.Diagnoses;
import sightline.diagnosis.Feedback;
import sightline.diagnosis.Outcome;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.classify.RejectRule;

/**
 * Plant diagnosis for phone apps: any signed-in account (bearer token, or session with CSRF) diagnoses leaf photos
 * and sees, corrects and deletes only its own. Names, advice and tips come in the language of
 * {@code Accept-Language} (en, hi, es).
 */
@RestController
@RequestMapping("/api/v1/diagnoses")
@Tag(name = "Plant diagnosis", description = "A leaf photo becomes the five most probable diseases with advice, or "
    + "a request to take the photo again; history, feedback and deletion of one's own diagnoses.")
@ApiResponse(responseCode = "401", description = "Not signed in",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class DiagnosesApiController {

  /** One class the model considered. */
  record PredictionResponse(String label, String name, float probability) {}

  /** What to do about the diagnosed class; fields are null for a class without texts. */
  record AdviceResponse(String name, @Nullable String about, @Nullable String symptoms, @Nullable String organic,
      @Nullable String chemical, @Nullable String prevention) {}

  /** Why the photo should be taken again, and how. */
  record RetakeResponse(RejectRule.Reason reason, String title, String message, List<String> tips) {}

  /** The farmer's answer to "was this right?". */
  record FeedbackResponse(boolean correct, String label, String name, Instant at) {}

  /**
   * One diagnosis.
   *
   * @param advice for the first class, when the outcome is DIAGNOSED
   * @param retake when the outcome is RETAKE
   */
  record DiagnosisResponse(UUID id, Instant createdAt, String modelVersion, Outcome outcome,
      List<PredictionResponse> predictions, @Nullable AdviceResponse advice, @Nullable RetakeResponse retake,
      @Nullable FeedbackResponse feedback, URI picture, String disclaimer) {}

  /** One page of the history, newest first; {@code page} is 0-based. */
  record HistoryResponse(List<DiagnosisResponse> items, int page, int size, long totalItems, int totalPages) {}

  /** How many diagnoses were deleted. */
  record DeletedResponse(int deleted) {}

  /**
   * The right class for a diagnosis: {@code {"correct": true}} when its first class was right, else
   * {@code {"label": "<one of the model's labels>"}}.
   */
  record FeedbackRequest(@Nullable Boolean correct, @Size(max = 200) @Nullable String label) {}

  /** The multipart form of the upload (for the API description). */
  record PhotoForm(@Schema(type = "string", format = "binary", description = "JPEG or PNG, up to 10 MiB") String photo) {}

  private final Diagnoses diagnoses;
  private final ImageInput images;
  private final PlantClasses classes;

  DiagnosesApiController(Diagnoses diagnoses, ImageInput images, PlantClasses classes) {
    this.diagnoses = diagnoses;
    this.images = images;
    this.classes = classes;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Diagnose a leaf photo", description = "multipart/form-data with a part named photo (JPEG or "
      + "PNG by content, at most 10 MiB and 24 megapixels, at least 96 px a side). EXIF orientation is applied and "
      + "all metadata (GPS included) is dropped: only a re-encoded JPEG of at most 1024 px is stored. Rate-limited "
      + "per account (429 with Retry-After).")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "multipart/form-data",
      schema = @Schema(implementation = PhotoForm.class)))
  @ApiResponse(responseCode = "201", description = "Diagnosed (outcome DIAGNOSED) or turned away (outcome RETAKE)")
  @ApiResponse(responseCode = "400", description = "No photo", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "Over 10 MiB or 24 megapixels", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "Damaged, or smaller than 96 px a side", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "Too many photos lately", content = @Content(mediaType =
      "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<DiagnosisResponse> create(@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
      @AuthenticationPrincipal SignedInUser user, Locale locale) throws IOException {
    if (photo == null || photo.isEmpty()) {
      throw new PhotoMissing();
    }
    DiagnosisView diagnosis = diagnoses.diagnose(user.id(), images.read(photo, ImageUse.PLANT_PHOTO));
    return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + diagnosis.id()))
        .body(response(diagnosis, locale));
  }

  @PostMapping(consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  @Operation(summary = "Diagnose a leaf photo sent as the request body", description = "As the multipart form, with "
      + "the photo's bytes as the body.")
  @ApiResponse(responseCode = "201", description = "Diagnosed or turned away")
  ResponseEntity<DiagnosisResponse> createFromBody(HttpServletRequest request,
      @AuthenticationPrincipal SignedInUser user, Locale locale) throws IOException {
    byte[] photo = images.read(request, ImageUse.PLANT_PHOTO);
    if (photo.length == 0) {
      throw new PhotoMissing();
    }
    DiagnosisView diagnosis = diagnoses.diagnose(user.id(), photo);
    return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + diagnosis.id()))
        .body(response(diagnosis, locale));
  }

  @GetMapping
  @Operation(summary = "One's diagnoses, newest first")
  HistoryResponse list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      @AuthenticationPrincipal SignedInUser user, Locale locale) {
    Page<DiagnosisView> found = diagnoses.history(user.id(), Math.max(0, page), Math.min(100, Math.max(1, size)));
    return new HistoryResponse(found.map(d -> response(d, locale)).getContent(), found.getNumber(),
        found.getSize(), found.getTotalElements(), found.getTotalPages());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One diagnosis")
  @ApiResponse(responseCode = "404", description = "No such diagnosis of the caller's", content = @Content(
      mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  DiagnosisResponse get(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale) {
    return response(diagnoses.get(user.id(), new DiagnosisId(id)), locale);
  }

  @GetMapping(value = "/{id}/picture", produces = MediaType.IMAGE_JPEG_VALUE)
  @Operation(summary = "The stored picture (JPEG, at most 1024 px, no metadata)")
  ResponseEntity<byte[]> picture(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean thumbnail,
      @AuthenticationPrincipal SignedInUser user) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(diagnoses.picture(user.id(), new DiagnosisId(id), thumbnail));
  }

  @PutMapping("/{id}/feedback")
  @Operation(summary = "Say whether a diagnosis was right, and if not, what the picture shows",
      description = "Replaces earlier feedback. label must be one of the labels of the model that made the "
          + "diagnosis (the 400 problem lists them).")
  @ApiResponse(responseCode = "400", description = "Neither correct=true nor a label, or an unknown label",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  DiagnosisResponse recordFeedback(@PathVariable UUID id, @Valid @RequestBody FeedbackRequest feedback,
      @AuthenticationPrincipal SignedInUser user, Locale locale) {
    String label = feedback.label() == null || feedback.label().isBlank() ? null : feedback.label();
    if (label == null && !Boolean.TRUE.equals(feedback.correct())) {
      throw new FeedbackIncomplete();
    }
    return response(diagnoses.recordFeedback(user.id(), new DiagnosisId(id), label), locale);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a diagnosis and its picture")
  void delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
    diagnoses.delete(user.id(), new DiagnosisId(id));
  }

  @DeleteMapping
  @Operation(summary = "Delete all of one's diagnoses and pictures")
  DeletedResponse deleteAll(@AuthenticationPrincipal SignedInUser user) {
    return new DeletedResponse(diagnoses.deleteAll(user.id()));
  }

  private DiagnosisResponse response(DiagnosisView d, Locale locale) {
    var predictions = d.top().stream()
        .map(p -> new PredictionResponse(p.label(), classes.name(p.label(), locale), p.probability())).toList();
    AdviceResponse advice = null;
    if (d.diagnosed()) {
      var a = classes.advice(d.best().label(), locale);
      advice = new AdviceResponse(a.name(), a.about(), a.symptoms(), a.organic(), a.chemical(), a.prevention());
    }
    RetakeResponse retake = null;
    if (d.rejectReason() != null) {
      var r = classes.retake(d.rejectReason(), locale);
      retake = new RetakeResponse(d.rejectReason(), r.title(), r.reason(), r.tips());
    }
    Feedback f = d.feedback();
    return new DiagnosisResponse(d.id().value(), d.createdAt(), d.modelVersion(), d.outcome(), predictions, advice,
        retake, f == null ? null : new FeedbackResponse(f.correct(), f.label(), classes.name(f.label(), locale),
        f.at()), URI.create("/api/v1/diagnoses/" + d.id() + "/picture"), classes.disclaimer(locale));
  }
}
