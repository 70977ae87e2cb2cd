package sightline.identity;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignInAttemptRepository extends JpaRepository<SignInAttempt, UUID> {

  Page<SignInAttempt> findByAccountIdOrderByAtDesc(UUID accountId, Pageable page);

  Page<SignInAttempt> findAllByOrderByAtDesc(Pageable page);
}
