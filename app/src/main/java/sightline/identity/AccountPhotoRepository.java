package sightline.identity;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountPhotoRepository extends JpaRepository<AccountPhoto, UUID> {}
