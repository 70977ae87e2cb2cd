package sightline.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;

/** One key pair that signs access tokens, named by its {@code kid}. Immutable once stored. */
@Entity
@Table(schema = "identity", name = "signing_key")
class SigningKey {

  @Id
  private String kid;

  private String algorithm;

  @Column(name = "private_jwk")
  private String privateJwk;

  private Instant createdAt;

  protected SigningKey() {
    // for JPA
  }

  private SigningKey(ECKey key, Instant createdAt) {
    this.kid = key.getKeyID();
    this.algorithm = JWSAlgorithm.ES256.getName();
    this.privateJwk = key.toJSONString();
    this.createdAt = createdAt;
  }

  /** A fresh P-256 key pair for ES256 with a random {@code kid}. */
  static SigningKey generate(Instant now) {
    try {
      return new SigningKey(new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate(), now);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  String kid() {
    return kid;
  }

  Instant createdAt() {
    return createdAt;
  }

  /** The key pair, for signing. */
  ECKey privateKey() {
    try {
      return ECKey.parse(privateJwk);
    } catch (ParseException e) {
      throw new IllegalStateException("signing key " + kid + " is not a valid JWK", e);
    }
  }
}
