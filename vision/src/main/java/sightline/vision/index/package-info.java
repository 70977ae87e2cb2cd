/**
 * 1:N search over face templates: {@link sightline.vision.index.EmbeddingIndex} keeps unit-length embeddings in
 * contiguous primitive arrays and answers exact top-k cosine queries, best per identity or per template, over the
 * whole index or a subset such as a course roster.
 */
@NullMarked
package sightline.vision.index;

import org.jspecify.annotations.NullMarked;
