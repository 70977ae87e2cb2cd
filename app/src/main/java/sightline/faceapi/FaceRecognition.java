package sightline.faceapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sightline.faceapi.ImageUploads.Upload;
import sightline.vision.BoundingBox;
import sightline.vision.face.DetectedFace;
import sightline.vision.face.FaceAttribute;
import sightline.vision.face.FaceEmbedding;
import sightline.vision.face.Liveness;
import sightline.vision.index.Matches;
import sightline.vision.index.SearchOptions;

/**
 * Detection, 1:1 verification and 1:N recognition for the face API. Inference runs in the shared pipeline and
 * outside any transaction; recognition searches the application's in-memory index and reads only the names of the
 * matched subjects from the database.
 *
 * <p>Same person means a cosine similarity above {@link FaceEmbedding#MATCH_THRESHOLD_AT_FAR_1E3} (0.34, LFW-calibrated
 * for a false-accept rate of about 1e-3; see its Javadoc for the caveats). Recognition never answers with a best
 * guess: a face without a subject above the threshold is {@code unknown}.
 */
@Component
class FaceRecognition {

  static final double THRESHOLD = FaceEmbedding.MATCH_THRESHOLD_AT_FAR_1E3;

  /** The answer of {@code /detect}. */
  record Detection(int imageWidth, int imageHeight, List<FaceView> faces) {}

  /**
   * One image of {@code /verify}: whether a face was found, and the one compared (the largest).
   *
   * @param faceFound whether the image shows a face
   * @param faces     how many faces it shows
   * @param face      the box of the face compared, absent when none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record VerifiedImage(boolean faceFound, int faces, @Nullable BoundingBox face) {}

  /**
   * The answer of {@code /verify}.
   *
   * @param similarity cosine similarity of the two faces in [-1, 1]; absent when either image has no face
   * @param threshold  the same-person threshold
   * @param match      whether the similarity is above the threshold (false when a face is missing)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Verification(@Nullable Double similarity, double threshold, boolean match, VerifiedImage source,
      VerifiedImage target) {}

  /** A subject that matched a face. */
  record SubjectMatch(UUID subject, String name, double similarity, UUID imageId) {}

  /**
   * One face of {@code /recognize}.
   *
   * @param subjects        subjects above the threshold, best first; empty when unknown
   * @param unknown         true when no subject is above the threshold (or the face was refused as a spoof)
   * @param liveness        passive liveness, when asked for
   * @param rejectedAsSpoof true when liveness was asked for and judged the face a presentation attack; such a face
   *                        is never matched
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RecognizedFace(BoundingBox box, double score, List<SubjectMatch> subjects, boolean unknown,
      @Nullable Liveness liveness, @Nullable Boolean rejectedAsSpoof) {}

  /** The answer of {@code /recognize}. */
  record Recognition(double threshold, List<RecognizedFace> faces) {}

  private final ImageUploads uploads;
  private final SubjectIndexes indexes;
  private final SubjectRepository subjects;

  FaceRecognition(ImageUploads uploads, SubjectIndexes indexes, SubjectRepository subjects) {
    this.uploads = uploads;
    this.indexes = indexes;
    this.subjects = subjects;
  }

  /**
   * The faces in an image with the plugins asked for ({@code landmarks, pose, eyes, liveness, quality}).
   *
   * @throws UnknownPlugin for any other plugin name
   */
  Detection detect(Upload upload, Set<String> plugins) {
    Set<FaceAttribute> attributes = EnumSet.noneOf(FaceAttribute.class);
    for (String plugin : plugins) {
      attributes.add(switch (plugin) {
        case "landmarks" -> FaceAttribute.LANDMARKS;
        case "pose" -> FaceAttribute.POSE;
        case "eyes" -> FaceAttribute.EYES;
        case "liveness" -> FaceAttribute.LIVENESS;
        case "quality" -> FaceAttribute.QUALITY;
        default -> throw new UnknownPlugin(plugin);
      });
    }
    boolean landmarks = plugins.contains("landmarks");
    List<FaceView> faces = uploads.analyze(upload.image(), attributes).stream()
        .map(face -> FaceView.of(face, landmarks)).toList();
    return new Detection(upload.image().width(), upload.image().height(), faces);
  }

  /** Compares the largest face of each image. */
  Verification verify(Upload source, Upload target) {
    List<DetectedFace> sourceFaces = uploads.analyze(source.image(), EnumSet.of(FaceAttribute.EMBEDDING));
    List<DetectedFace> targetFaces = uploads.analyze(target.image(), EnumSet.of(FaceAttribute.EMBEDDING));
    Optional<DetectedFace> a = largest(sourceFaces);
    Optional<DetectedFace> b = largest(targetFaces);
    Double similarity = a.isPresent() && b.isPresent()
        ? a.get().embedding().similarity(b.get().embedding()) : null;
    return new Verification(similarity, THRESHOLD, similarity != null && similarity > THRESHOLD,
        new VerifiedImage(a.isPresent(), sourceFaces.size(), a.map(DetectedFace::box).orElse(null)),
        new VerifiedImage(b.isPresent(), targetFaces.size(), b.map(DetectedFace::box).orElse(null)));
  }

  /**
   * For each face, the application's subjects above the threshold, best first, at most {@code limit}.
   *
   * @param liveness also judge passive liveness, and match only faces judged live
   */
  Recognition recognize(ApiCaller caller, Upload upload, int limit, boolean liveness) {
    Set<FaceAttribute> attributes = liveness ? EnumSet.of(FaceAttribute.EMBEDDING, FaceAttribute.LIVENESS)
        : EnumSet.of(FaceAttribute.EMBEDDING);
    List<DetectedFace> faces = uploads.analyze(upload.image(), attributes);
    var index = indexes.of(caller.applicationId());
    // The index returns only templates at or above minScore; "above the threshold" is then checked exactly.
    SearchOptions options = SearchOptions.defaults().withLimit(limit).withMinScore((float) THRESHOLD);
    List<Matches<UUID>> found = faces.stream().map(face -> spoof(face, liveness) ? new Matches<UUID>(List.of())
        : index.search(face.embedding().vector(), options)).toList();
    Set<UUID> matched = new HashSet<>();
    found.forEach(m -> m.ranked().forEach(match -> matched.add(match.identity())));
    Map<UUID, String> names = namesOf(caller.applicationId(), matched);
    List<RecognizedFace> answer = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) {
      DetectedFace face = faces.get(i);
      List<SubjectMatch> hits = found.get(i).ranked().stream()
          .filter(match -> match.score() > THRESHOLD && names.containsKey(match.identity()))
          .map(match -> new SubjectMatch(match.identity(), names.get(match.identity()), match.score(),
              match.template()))
          .toList();
      answer.add(new RecognizedFace(face.box(), face.score(), hits, hits.isEmpty(), face.liveness(),
          liveness ? spoof(face, true) : null));
    }
    return new Recognition(THRESHOLD, answer);
  }

  private Map<UUID, String> namesOf(UUID application, Set<UUID> matched) {
    // One short query, auto-committed; a subject deleted since the search simply drops out of the answer.
    return subjects.namesOf(application, matched);
  }

  /** Fails closed: when liveness was asked for, a face without a liveness result counts as a spoof. */
  private static boolean spoof(DetectedFace face, boolean checked) {
    return checked && (face.liveness() == null || !face.liveness().isLive());
  }

  private static Optional<DetectedFace> largest(List<DetectedFace> faces) {
    return faces.stream().max(Comparator.comparingDouble(face -> face.box().area()));
  }
}
