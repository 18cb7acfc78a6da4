package org.aasr.web.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.core.StandardPipeline;
import org.glassfish.web.valve.GlassFishValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front door takes the place of the valves Payara put in the application's pipeline before it
 * (its authenticator), and runs them itself, in their order and with the pipeline's rules, for
 * every request it does not answer. Here on the web container's own pipeline, with valves that
 * write down what happens to them; what it answers is the integration tests' part (PublicSiteIT).
 */
class PageCacheValveTest {

  private final List<String> log = new ArrayList<>();
  private Pipeline pipeline;
  private final GlassFishValve basic = new Recording("basic", GlassFishValve.INVOKE_NEXT);

  @BeforeEach
  void payarasPipeline() throws Exception {
    Container container =
        (Container)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Container.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getPipeline" -> pipeline;
                      case "getName" -> "ROOT";
                      case "hashCode" -> 1;
                      case "equals" -> proxy == args[0];
                      case "toString" -> "the application";
                      default -> null;
                    });
    StandardPipeline standard = new StandardPipeline(container);
    pipeline = standard;
    standard.setBasic(basic);
    standard.start();
  }

  private PageCacheValve frontDoorAfter(GlassFishValve... containersOwn) {
    for (GlassFishValve valve : containersOwn) {
      pipeline.addValve(valve);
    }
    log.clear();
    PageCacheValve frontDoor = new PageCacheValve();
    pipeline.addValve(frontDoor); // as Payara does, from payara-web.xml, once the module started
    return frontDoor;
  }

  @Test
  void takesThePlaceOfTheValvesBeforeItWhichKeepWorking() {
    Recording authenticator = new Recording("authenticator", GlassFishValve.INVOKE_NEXT);
    PageCacheValve frontDoor = frontDoorAfter(authenticator);

    assertArrayEquals(new GlassFishValve[] {frontDoor, basic}, pipeline.getValves());
    assertEquals(List.of("authenticator stopped", "authenticator started"), log);
  }

  @Test
  void aRequestItDoesNotAnswerMeetsTheSameValvesInTheSameOrder() throws Exception {
    frontDoorAfter(
        new Recording("authenticator", GlassFishValve.INVOKE_NEXT),
        new Recording("other", GlassFishValve.INVOKE_NEXT));
    log.clear();

    pipeline.invoke(null, null);

    assertEquals(
        List.of(
            "authenticator", "other", "basic", "basic after", "other after", "authenticator after"),
        log);
  }

  @Test
  void aValveThatEndsTheRequestEndsItAndOnlyThoseBeforeItHearAfterwards() throws Exception {
    frontDoorAfter(
        new Recording("first", GlassFishValve.INVOKE_NEXT),
        new Recording("authenticator", GlassFishValve.END_PIPELINE), // a sign-in challenge
        new Recording("never", GlassFishValve.INVOKE_NEXT));
    log.clear();

    pipeline.invoke(null, null);

    assertEquals(List.of("first", "authenticator", "first after"), log);
  }

  @Test
  void withNothingBeforeItItOnlyPassesRequestsOn() throws Exception {
    PageCacheValve frontDoor = frontDoorAfter();

    pipeline.invoke(null, null);

    assertArrayEquals(new GlassFishValve[] {frontDoor, basic}, pipeline.getValves());
    assertEquals(List.of("basic", "basic after"), log);
  }

  /** A valve that writes down each call and answers with a given status. */
  private final class Recording implements GlassFishValve, Lifecycle {
    private final String name;
    private final int status;

    Recording(String name, int status) {
      this.name = name;
      this.status = status;
    }

    @Override
    public String getInfo() {
      return name;
    }

    @Override
    public int invoke(Request request, Response response) {
      log.add(name);
      return status;
    }

    @Override
    public void postInvoke(Request request, Response response) {
      log.add(name + " after");
    }

    @Override
    public void start() {
      log.add(name + " started");
    }

    @Override
    public void stop() {
      log.add(name + " stopped");
    }

    @Override
    public void addLifecycleListener(LifecycleListener listener) {}

    @Override
    public List<LifecycleListener> findLifecycleListeners() {
      return List.of();
    }

    @Override
    public void removeLifecycleListener(LifecycleListener listener) {}

    @Override
    public String toString() {
      return name;
    }
  }
}
