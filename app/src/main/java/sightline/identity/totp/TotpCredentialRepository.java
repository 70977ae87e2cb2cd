package sightline.identity.totp;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TotpCredentialRepository extends JpaRepository<TotpCredential, UUID> {}
