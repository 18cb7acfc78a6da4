package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aasr.content.api.CategoryAdmin;
import org.aasr.content.api.CategoryForm;

/** The story categories with how many stories each holds, at {@code /admin/categories}. */
@Named
@ViewScoped
public class CategoriesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CategoryAdmin content;

  private transient List<CategoryForm> categories;

  public List<CategoryForm> getCategories() {
    if (categories == null) {
      categories = new ArrayList<>(content.categoryForms()); // the table sorts it in place
    }
    return categories;
  }
}
