package sightline.faceapi;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * An integrator's request, authenticated by one API key of one application. Holds no secret.
 *
 * @param applicationId the application whose subjects the request sees
 * @param keyId         the key that authenticated it (the rate limit counts per key)
 * @param scopes        what the key may do
 */
record ApiCaller(UUID applicationId, UUID keyId, Set<FaceApiScope> scopes) implements Principal {

  ApiCaller {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String getName() {
    return "face-api-key:" + keyId;
  }
}
