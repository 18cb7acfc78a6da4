package org.aasr.web.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.core.StandardPipeline;
import org.glassfish.web.valve.GlassFishValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front door is put into the virtual server's pipeline, ahead of the application's, when the
 * application starts, and taken out when it stops; it lets through every request it does not
 * answer, and those of other applications. Here on the web container's own pipeline, with a valve
 * that writes down what reaches it; what the door answers is the integration tests' part
 * (PublicSiteIT, AdminConsoleIT).
 */
class PageCacheValveTest {

  private final List<String> log = new ArrayList<>();
  private StandardPipeline server;
  private final GlassFishValve hostValve = new Recording("the server's own valve");
  private final Context another = stand(Context.class, "another", null, null);

  private static <T> T stand(Class<T> type, String name, Object pipeline, Object parent) {
    return type.cast(
        Proxy.newProxyInstance(
            PageCacheValveTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getPipeline" -> pipeline;
                  case "getParent" -> parent;
                  case "getName" -> name;
                  case "hashCode" -> name.hashCode();
                  case "equals" -> proxy == args[0];
                  case "toString" -> name;
                  default -> null;
                }));
  }

  @BeforeEach
  void aVirtualServer() throws Exception {
    server = new StandardPipeline(stand(Container.class, "server", null, null));
    server.setBasic(hostValve);
    server.start();
  }

  private PageCacheValve addedToTheApplication() throws Exception {
    Context application =
        stand(Context.class, "ROOT", null, stand(Container.class, "server", server, null));
    PageCacheValve valve = new PageCacheValve();
    valve.setContainer(application); // as Payara does for the valves of payara-web.xml
    valve.start();
    return valve;
  }

  private Request requestFor(Container context) {
    return (Request)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Request.class},
            (proxy, method, args) -> method.getName().equals("getContext") ? context : null);
  }

  @Test
  void opensADoorAheadOfTheServersOwnValvesAndClosesItWhenTheApplicationStops() throws Exception {
    PageCacheValve valve = addedToTheApplication();

    GlassFishValve[] valves = server.getValves();
    assertEquals(2, valves.length);
    assertNotSame(hostValve, valves[0]);
    assertEquals(hostValve, valves[1]);

    valve.stop();

    assertArrayEquals(new GlassFishValve[] {hostValve}, server.getValves());
  }

  @Test
  void startingTwiceOpensOneDoor() throws Exception {
    PageCacheValve valve = addedToTheApplication();
    valve.start();

    assertEquals(2, server.getValves().length);
  }

  @Test
  void requestsItDoesNotAnswerGoOnToTheServerAndTheApplication() throws Exception {
    PageCacheValve valve = addedToTheApplication();
    Container ours = valve.getContainer();

    // No page cache in service here: the door answers nothing, whoever the request is for.
    server.invoke(requestFor(ours), null);
    server.invoke(requestFor(another), null);

    assertEquals(List.of("the server's own valve", "the server's own valve"), log);
    assertEquals(GlassFishValve.INVOKE_NEXT, valve.invoke(requestFor(ours), (Response) null));
  }

  /** A valve that writes down each request that reaches it. */
  private final class Recording implements GlassFishValve {
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public String getInfo() {
      return name;
    }

    @Override
    public int invoke(Request request, Response response) {
      log.add(name);
      return INVOKE_NEXT;
    }

    @Override
    public void postInvoke(Request request, Response response) {}
  }
}
