package sightline.identity.account;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountPhotoRepository extends JpaRepository<AccountPhoto, UUID> {}
