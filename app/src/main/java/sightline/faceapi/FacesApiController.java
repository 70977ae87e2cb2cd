package sightline.faceapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.LinkedHashSet;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sightline.faceapi.FaceRecognition.Detection;
import sightline.faceapi.FaceRecognition.Recognition;
import sightline.faceapi.FaceRecognition.Verification;

/**
 * Detection, verification and recognition for integrators. Each call needs an {@code X-Api-Key} with the
 * endpoint's scope. Images: JPEG or PNG by content, at most 5 MiB and 24 megapixels by default.
 */
@RestController
@RequestMapping(FaceApiScope.BASE)
@Tag(name = "Face API", description = "CompreFace-style face detection, verification and recognition with "
    + "per-application API keys. Subjects belong to the key's application, not to Sightline accounts.")
@SecurityScheme(name = "faceApiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
    paramName = FaceApiKeySecurity.KEY_HEADER,
    description = "A face API key created by an administrator at /admin/face-api (shown once). Scopes: detect, "
        + "verify, recognize, subjects:read, subjects:write. Rate limit per key: 60 requests per minute by default.")
@SecurityRequirement(name = "faceApiKey")
@FacesApiController.CommonProblems
class FacesApiController {

  /** The problems every face API endpoint may answer. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked key, or disabled application",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "The key lacks the endpoint's scope (requiredScope)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "429", description = "The key's rate limit is used up",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @interface CommonProblems {}

  /** The problems of an endpoint that takes an image. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "400", description = "No image in the request (part or body missing)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "Image over the size or pixel limit (reason TOO_LARGE)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "415", description = "Not a JPEG or PNG (reason NOT_AN_IMAGE or UNSUPPORTED_FORMAT)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "422", description = "Truncated or damaged image (reason TRUNCATED or CORRUPT)",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @interface ImageProblems {}

  /** One image, as a multipart part {@code file} or as the raw body. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      description = "The image: multipart/form-data with a part named file, or the raw bytes with Content-Type "
          + "image/jpeg or image/png. The format is judged by content.",
      content = {
          @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = ImageForm.class)),
          @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
          @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
  @interface OneImage {}

  /** The multipart form of single-image endpoints (for the API description). */
  record ImageForm(@Schema(type = "string", format = "binary", description = "JPEG or PNG") String file) {}

  /** The multipart form of {@code /verify} (for the API description). */
  record VerifyForm(@Schema(type = "string", format = "binary", description = "First image") String source,
      @Schema(type = "string", format = "binary", description = "Second image") String target) {}

  private final ImageUploads uploads;
  private final FaceRecognition recognition;
  private final int maxResults;

  FacesApiController(ImageUploads uploads, FaceRecognition recognition, FaceApiSettings settings) {
    this.uploads = uploads;
    this.recognition = recognition;
    this.maxResults = settings.maxResults();
  }

  @PostMapping("/detect")
  @Operation(summary = "Find the faces in an image", description = "Scope detect. Returns every face with its box "
      + "and detector score, best first, and the plugins asked for; a plugin not asked for is absent (and costs "
      + "nothing). No face gives an empty list.")
  @OneImage
  @ApiResponse(responseCode = "200", description = "The faces found")
  @ApiResponse(responseCode = "400", description = "Unknown plugin, or no image",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
  @ImageProblems
  Detection detect(HttpServletRequest request,
      @Parameter(description = "Comma-separated: landmarks, pose, eyes, liveness, quality")
      @RequestParam(defaultValue = "") String plugins) {
    var asked = new LinkedHashSet<String>();
    Arrays.stream(plugins.split(",")).map(String::strip).filter(p -> !p.isEmpty()).forEach(asked::add);
    return recognition.detect(uploads.read(request, "file", true), asked);
  }

  @PostMapping("/verify")
  @Operation(summary = "Compare the faces in two images (1:1)", description = "Scope verify. Compares the largest "
      + "face of each image. match is true when the cosine similarity is above the threshold (0.34, calibrated on "
      + "LFW for a false-accept rate of about 1e-3). When an image has no face, similarity is absent and match false.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = "multipart/form-data", schema = @Schema(implementation = VerifyForm.class),
      encoding = {@Encoding(name = "source", contentType = "image/jpeg, image/png"),
          @Encoding(name = "target", contentType = "image/jpeg, image/png")}))
  @ApiResponse(responseCode = "200", description = "The comparison")
  @ImageProblems
  Verification verify(HttpServletRequest request) {
    return recognition.verify(uploads.read(request, "source", false), uploads.read(request, "target", false));
  }

  @PostMapping("/recognize")
  @Operation(summary = "Recognise the faces in an image among the application's subjects (1:N)",
      description = "Scope recognize. For each face, the subjects whose best template is above the threshold "
          + "(0.34), best first. Below the threshold a face is unknown: there is never a forced best match. With "
          + "liveness=true each face also gets a passive liveness judgement, and a face judged a spoof is not "
          + "matched.")
  @OneImage
  @ApiResponse(responseCode = "200", description = "The faces and who they are")
  @ImageProblems
  Recognition recognize(@AuthenticationPrincipal ApiCaller caller, HttpServletRequest request,
      @Parameter(description = "Most subjects per face (1 to 10)") @RequestParam(defaultValue = "1") int limit,
      @Parameter(description = "Judge passive liveness and match only live faces")
      @RequestParam(defaultValue = "false") boolean liveness) {
    return recognition.recognize(caller, uploads.read(request, "file", true), Math.clamp(limit, 1, maxResults),
        liveness);
  }
}
