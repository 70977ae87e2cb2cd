/** An append-only log fed by the other modules' events; it calls none of them. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package sightline.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
