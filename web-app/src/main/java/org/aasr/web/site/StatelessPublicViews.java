package org.aasr.web.site;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes every view outside the admin console stateless from the moment it is created.
 *
 * <p>The site template also says {@code <f:view transient="true">}, but that applies only once the
 * page is built, and PrimeFaces' CSP support looks earlier: on a view not yet marked transient it
 * keeps its nonce in the view map, which creates an HTTP session for every reader. Registered in
 * faces-config.xml.
 */
public class StatelessPublicViews extends ViewHandlerWrapper {

  public StatelessPublicViews(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public UIViewRoot createView(FacesContext context, String viewId) {
    UIViewRoot view = super.createView(context, viewId);
    if (view != null && viewId != null && !Routes.isConsole(viewId)) {
      view.setTransient(true);
    }
    return view;
  }
}
