/**
 * Password reset by an e-mailed link, internal to identity: the tokens' rules, the pages and the API.
 */
@NullMarked
package sightline.identity.reset;

import org.jspecify.annotations.NullMarked;
