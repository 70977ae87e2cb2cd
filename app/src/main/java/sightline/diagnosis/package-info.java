/** Plant disease diagnosis from leaf photos, with advice and a per-user history. Needs identity for the owner of
 * each diagnosis.
 */
@ApplicationModule(allowedDependencies = { "identity" })
@NullMarked
package sightline.diagnosis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
