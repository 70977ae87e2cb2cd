/** Diagnosing a leaf photo, the history, feedback and its export, the pages, the API and the offline web app. */
@NullMarked
package sightline.diagnosis.diagnose;

import org.jspecify.annotations.NullMarked;
