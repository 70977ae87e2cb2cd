package sightline.biometrics.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sightline.biometrics.EnrolmentStatus;
import sightline.biometrics.FaceDecision;
import sightline.biometrics.FaceEnrolment;
import sightline.biometrics.FaceMatching;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountId;
import sightline.identity.SignedInUser;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.Image;

/**
 * The biometrics HTTP API: one's own consent, camera enrolment, status, deletion and verification; identification
 * (administrators and teachers); another person's enrolment (administrators). Pictures are sent as the request body
 * ({@code image/jpeg} or {@code image/png}): camera frames within {@code ImageUse.FRAME} (≤ 640 px a side, ≤ 300 kB)
 * for one's own enrolment and check, photos within {@code ImageUse.PHOTO} for identification and an administrator's
 * photo check; all are judged on the server, and no face descriptor is accepted from a client.
 */
@RestController
@RequestMapping("/api/v1/biometrics")
@Tag(name = "Biometrics", description = "Face enrolment, verification and identification")
class BiometricsApiController {

  private static final String FRAME = "A camera frame, image/jpeg or image/png, at most 640 px a side and 300 kB";
  private static final String PHOTO = "A photo, image/jpeg or image/png, at most 10 MiB and 24 megapixels";

  private final FaceEnrolment enrolment;
  private final FaceMatching matching;
  private final ImageInput images;
  private final AccountDirectory directory;

  BiometricsApiController(FaceEnrolment enrolment, FaceMatching matching, ImageInput images,
      AccountDirectory directory) {
    this.enrolment = enrolment;
    this.matching = matching;
    this.images = images;
    this.directory = directory;
  }

  record ConsentForm(@NotBlank @Size(max = 40) String consentVersion) {
  }

  record Deleted(int templatesDeleted) {
  }

  @GetMapping("/enrolment")
  @Operation(summary = "My face enrolment: consent, number of templates, frames accepted so far",
      security = @SecurityRequirement(name = "bearer"))
  EnrolmentStatus myStatus(@AuthenticationPrincipal SignedInUser user) {
    return enrolment.status(user.id());
  }

  @PostMapping(path = "/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Agree to the face-enrolment consent text of the given version",
      description = "The current version is " + FaceEnrolment.CONSENT_VERSION + "; enrolment needs it.",
      security = @SecurityRequirement(name = "bearer"))
  @ApiResponse(responseCode = "200", description = "Consent recorded")
  @ApiResponse(responseCode = "409", description = "Not the current consent text version (problem consent-outdated)")
  EnrolmentStatus consent(@AuthenticationPrincipal SignedInUser user, @Valid @org.springframework.web.bind.annotation.RequestBody ConsentForm form) {
    return enrolment.recordConsent(user.id(), form.consentVersion(), user.id());
  }

  @PostMapping(path = "/enrolment/frames", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  @Operation(summary = "Send one camera frame of my guided enrolment; answers accepted, or a hint",
      description = "Frames are judged by the quality gates (one face, size, pose, light, sharpness, passive "
          + "liveness). After " + FaceEnrolment.FRAMES_PER_ENROLMENT + " accepted frames the enrolment is stored "
          + "(complete=true) and replaces any previous one.",
      security = @SecurityRequirement(name = "bearer"),
      requestBody = @RequestBody(description = FRAME, content = @Content(mediaType = "image/jpeg",
          schema = @Schema(type = "string", format = "binary"))))
  @ApiResponse(responseCode = "200", description = "The frame's answer")
  @ApiResponse(responseCode = "409", description = "No consent to the current consent text (problem consent-required)")
  @ApiResponse(responseCode = "413", description = "Larger than a camera frame may be (problem frame-too-large)")
  @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG (problem image-rejected)")
  FaceEnrolment.FrameAnswer frame(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request)
      throws IOException {
    return enrolment.enrolFrame(user.id(), images.read(request, ImageUse.FRAME));
  }

  @PostMapping("/enrolment/restart")
  @Operation(summary = "Forget the frames accepted in my unfinished enrolment", security = @SecurityRequirement(name = "bearer"))
  EnrolmentStatus restart(@AuthenticationPrincipal SignedInUser user) {
    enrolment.restart(user.id());
    return enrolment.status(user.id());
  }

  @DeleteMapping("/enrolment")
  @Operation(summary = "Delete all my face data: templates, consent, audit frames (rows deleted)",
      security = @SecurityRequirement(name = "bearer"))
  Deleted deleteMine(@AuthenticationPrincipal SignedInUser user) {
    return new Deleted(enrolment.delete(user.id()));
  }

  @PostMapping(path = "/verify", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  @Operation(summary = "Check a picture of my face against my enrolment (1:1)",
      description = "Returns the decision with similarity, threshold (FAR 1e-3 on LFW View 1), liveness score and "
          + "reasons; audited.",
      security = @SecurityRequirement(name = "bearer"),
      requestBody = @RequestBody(description = FRAME, content = @Content(mediaType = "image/jpeg",
          schema = @Schema(type = "string", format = "binary"))))
  FaceDecision verifyMe(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) throws IOException {
    return matching.verify(user.id(), frame(request), FaceDecision.Purpose.SELF_CHECK,
        user.id());
  }

  @PostMapping(path = "/identify", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  @Operation(summary = "Identify the face in a picture among everyone enrolled, or a group (1:N; admins, teachers)",
      description = "UNKNOWN when nobody reaches the threshold: never a forced best match.",
      security = @SecurityRequirement(name = "bearer"),
      requestBody = @RequestBody(description = PHOTO, content = @Content(mediaType = "image/jpeg",
          schema = @Schema(type = "string", format = "binary"))))
  FaceDecision identify(@AuthenticationPrincipal SignedInUser user,
      @Parameter(description = "Account ids to search among; everyone when absent")
      @RequestParam(name = "group", required = false) @Nullable List<UUID> group, HttpServletRequest request)
      throws IOException {
    Set<AccountId> members = group == null ? null : new HashSet<>(group.stream().map(AccountId::new).toList());
    return matching.identify(photo(request), members, FaceDecision.Purpose.API, user.id());
  }

  @GetMapping("/accounts/{id}/enrolment")
  @Operation(summary = "A person's face enrolment (admins)", security = @SecurityRequirement(name = "bearer"))
  EnrolmentStatus status(@PathVariable UUID id) {
    return enrolment.status(directory.get(new AccountId(id)).id());
  }

  @PostMapping(path = "/accounts/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Enrol a person from 1–5 photos, recording their consent on their behalf (admins)",
      description = "Each photo must show exactly one face passing the quality gates (liveness excepted); accepted "
          + "photos replace the person's templates. hints has one entry per photo: null when accepted.",
      security = @SecurityRequirement(name = "bearer"))
  FaceEnrolment.PhotoAnswer enrolPhotos(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id,
      @RequestPart("photos") List<MultipartFile> photos, @RequestParam("consentVersion") String consentVersion)
      throws IOException {
    return enrolment.enrolPhotos(directory.get(new AccountId(id)).id(), images.read(photos, ImageUse.PHOTO),
        consentVersion, admin.id());
  }

  @DeleteMapping("/accounts/{id}/enrolment")
  @Operation(summary = "Delete all of a person's face data (admins)", security = @SecurityRequirement(name = "bearer"))
  Deleted delete(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id) {
    return new Deleted(enrolment.delete(directory.get(new AccountId(id)).id(), admin.id()));
  }

  @PostMapping(path = "/accounts/{id}/verify", consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE})
  @Operation(summary = "Check an uploaded photo against a person (1:1, admins; liveness not required)",
      security = @SecurityRequirement(name = "bearer"),
      requestBody = @RequestBody(description = PHOTO, content = @Content(mediaType = "image/jpeg",
          schema = @Schema(type = "string", format = "binary"))))
  FaceDecision verify(@AuthenticationPrincipal SignedInUser admin, @PathVariable UUID id, HttpServletRequest request)
      throws IOException {
    AccountId person = directory.get(new AccountId(id)).id();
    return matching.verify(person, photo(request), FaceDecision.Purpose.PHOTO_CHECK,
        admin.id());
  }

  /** A camera frame sent as the request body. */
  private Image frame(HttpServletRequest request) throws IOException {
    return images.decode(images.read(request, ImageUse.FRAME), ImageUse.FRAME);
  }

  /** A photo sent as the request body. */
  private Image photo(HttpServletRequest request) throws IOException {
    return images.decode(images.read(request, ImageUse.PHOTO), ImageUse.PHOTO);
  }
}
