/**
 * The accounts themselves, internal to identity: the {@code Account} entity and its rules (lockout, refusal),
 * passwords (policy, Argon2 hashing), the administrator action log, the browser sessions of an account, and the first
 * administrator. {@code AccountDirectoryService} implements the module's {@code AccountDirectory}. The lowest layer
 * of identity: it uses only identity's API.
 */
@NullMarked
package sightline.identity.directory;

import org.jspecify.annotations.NullMarked;
