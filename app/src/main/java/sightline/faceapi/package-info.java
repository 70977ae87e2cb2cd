/**
 * The face API for integrators, CompreFace-style: applications with API keys and scopes, their own subjects (not
 * Sightline accounts), detection with plugins, 1:1 verification and 1:N recognition under {@code /api/v1/faces/**}.
 * Requests authenticate with {@code X-Api-Key}; administrators manage applications and keys at
 * {@code /admin/face-api}. Uses biometrics' {@code FaceEngine} and {@code TemplateCipher}, and identity only to name
 * the administrator who acted. Its tables stay in the database schema {@code biometrics}, where they were created.
 */
@ApplicationModule(allowedDependencies = { "biometrics", "identity" })
@NullMarked
package sightline.faceapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
