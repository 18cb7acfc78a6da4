package org.aasr.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.aasr.content.api.ContentAdmin;
import org.aasr.content.api.PageForm;

/** The site's content pages, at {@code /admin/pages} (editors). */
@Named
@RequestScoped
public class PagesAdminView {

  @Inject ContentAdmin content;

  private List<PageForm> pages;

  public List<PageForm> getPages() {
    if (pages == null) {
      pages = content.pages();
    }
    return pages;
  }
}
