package org.aasr.web.site;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlForm;
import jakarta.faces.context.FacesContext;
import java.net.MalformedURLException;
import java.util.Optional;

/**
 * Forms post to the clean URL of their page ({@code /admin/story}, not {@code /admin/story.xhtml}),
 * so that the address a person sees after a refused save is the one they opened. Only where {@link
 * Routes} leads that URL back to the same view.
 */
public class CleanActionUrls extends ViewHandlerWrapper {

  public CleanActionUrls(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String url = super.getActionURL(context, viewId);
    if (viewId == null || !viewId.endsWith(".xhtml") || isMultipartForm(context)) {
      return url;
    }
    String name = viewId.substring(0, viewId.length() - ".xhtml".length());
    String clean = name.equals("/index") ? "/" : name.equals("/admin/index") ? "/admin/" : name;
    Optional<String> routed = Routes.resolve(clean, view -> exists(context, view));
    return routed.filter(viewId::equals).isPresent()
        ? context.getExternalContext().getRequestContextPath() + clean
        : url;
  }

  /**
   * A form that uploads files posts to the view itself: the container reads a multipart body only
   * for a request mapped to the Faces servlet, not for one forwarded to it from a clean URL.
   */
  private static boolean isMultipartForm(FacesContext context) {
    return UIComponent.getCurrentComponent(context) instanceof HtmlForm form
        && "multipart/form-data".equalsIgnoreCase(form.getEnctype());
  }

  private static boolean exists(FacesContext context, String view) {
    try {
      return context.getExternalContext().getResource(view) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
