/**
 * Sign-in by a one-time code sent by e-mail or SMS, internal to identity: the codes' rules, the pages and the API.
 */
@NullMarked
package sightline.identity.code;

import org.jspecify.annotations.NullMarked;
