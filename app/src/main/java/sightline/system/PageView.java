package sightline.system;

import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a list as templates show it, with {@code fragments/pagination :: pager}. {@code number} is 0-based.
 */
public record PageView<T>(List<T> items, int number, int totalPages, long totalItems) {

  public PageView {
    items = List.copyOf(items);
  }

  public static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(page.getContent(), page.getNumber(), page.getTotalPages(), page.getTotalElements());
  }

  public boolean hasPrevious() {
    return number > 0;
  }

  public boolean hasNext() {
    return number + 1 < totalPages;
  }
}
