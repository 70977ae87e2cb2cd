/** Accounts, roles and sign-in: passwords, one-time codes, sessions and API tokens, login history. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package sightline.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
