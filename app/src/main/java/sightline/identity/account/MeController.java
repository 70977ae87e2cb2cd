package sightline.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.SignedInUser;

/** The signed-in caller's own account. */
@RestController
@Tag(name = "Identity")
class MeController {

  private final AccountDirectory directory;

  MeController(AccountDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/api/v1/me")
  @Operation(summary = "The signed-in account: id, e-mail, name, roles, status",
      security = @SecurityRequirement(name = "bearer"))
  AccountView me(@AuthenticationPrincipal SignedInUser user) {
    return directory.find(user.id()).orElseThrow();
  }
}
