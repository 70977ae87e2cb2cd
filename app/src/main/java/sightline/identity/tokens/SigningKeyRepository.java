package sightline.identity.tokens;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

  List<SigningKey> findAllByOrderByCreatedAtDesc();
}
