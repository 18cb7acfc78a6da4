package org.aasr.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.aasr.content.api.PageAdmin;
import org.aasr.content.api.PageForm;

/**
 * The site's content pages, at {@code /admin/pages} (editors), in a table sorted and filtered in
 * memory: a site has a handful of pages.
 */
@Named
@ViewScoped
public class PagesAdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient PageAdmin content;

  private transient List<PageForm> pages;

  public List<PageForm> getPages() {
    if (pages == null) {
      pages = new ArrayList<>(content.pages()); // the table sorts it in place
    }
    return pages;
  }
}
