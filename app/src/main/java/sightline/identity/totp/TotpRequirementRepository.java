package sightline.identity.totp;

import org.springframework.data.jpa.repository.JpaRepository;
import sightline.identity.Role;

interface TotpRequirementRepository extends JpaRepository<TotpRequirement, Role> {}
