/**
 * What people do with accounts on pages, internal to identity: administrators list, create and change accounts;
 * everyone sees their own profile, photo and password, and may sign up when self-registration is on.
 */
@NullMarked
package sightline.identity.account;

import org.jspecify.annotations.NullMarked;
