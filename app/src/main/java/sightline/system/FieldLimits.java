package sightline.system;

import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The length limits of form fields, read from the form record's Bean Validation annotations, so that a page's
 * {@code maxlength} is always the limit the server checks ({@code fragments/fields :: field} asks it as
 * {@code @fieldLimits}).
 */
@Component("fieldLimits")
public class FieldLimits {

  /** The {@code @Size(max)} of {@code form}'s field {@code name}, or null when it has none. */
  public @Nullable Integer maxLength(@Nullable Object form, String name) {
    if (form == null || name.contains(".")) {
      return null;
    }
    for (Class<?> type = form.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        Size size = field.getAnnotation(Size.class);
        return size == null || size.max() == Integer.MAX_VALUE ? null : size.max();
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
