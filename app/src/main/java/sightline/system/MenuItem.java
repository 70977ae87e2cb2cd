package sightline.system;

import java.util.Objects;

/**
 * One link in the menu, contributed by the module that owns the page: declare it as a bean and {@link Navigation}
 * collects it. Within a group, items are shown by {@code order}, then by label key.
 *
 * @param group where the link appears
 * @param labelKey the message key of the link's text (in the module's messages file, en/hi/es)
 * @param path the page's path inside the application, starting with {@code /}
 * @param audience who sees the link
 * @param order position within the group; modules leave gaps (10, 20, …) so that others can slot in
 */
public record MenuItem(MenuGroup group, String labelKey, String path, Audience audience, int order) {

  public MenuItem {
    Objects.requireNonNull(group);
    Objects.requireNonNull(audience);
    if (labelKey.isBlank() || !path.startsWith("/")) {
      throw new IllegalArgumentException("a menu item needs a label key and a path starting with /: " + path);
    }
  }
}
