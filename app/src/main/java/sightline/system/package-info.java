/**
 * Infrastructure every module shares: page layout and language, security plumbing, RFC 9457 error rendering, and
 * the model files' health. Nothing domain-specific lives here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package sightline.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
