package nl.regie.server.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.regie.server.access.Principal;
import nl.regie.server.access.Role;
import nl.regie.server.clock.ClockSync;
import nl.regie.server.deadline.DeadlineScheduler;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What one node sends another: a command for a case that lives on another node (wrapped with the
 * principal it is asked for), the case's reply, a poll for the deadline scheduler, a move of the
 * virtual clock. Each must come back from the bytes as it went, through the serializer the cluster
 * uses (a one-node cluster never serializes them, so only a second node would find out).
 */
class CrossNodeMessagesTest {

  // The server's serialization.conf, nothing else (no cluster to join).
  static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load("serialization"));

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void whatCrossesANodeComesBackAsItWent() {
    TestProbe<CaseReply> replies = testKit.createTestProbe();
    TestProbe<Done> done = testKit.createTestProbe();
    Principal backoffice = new Principal("b", Set.of(Role.BACKOFFICE), Set.of("0983"), null);
    for (Object message : List.of(
        new CaseCommand.Authorized(backoffice, new CaseCommand.Get(replies.ref())),
        new CaseCommand.Authorized(backoffice, new CaseCommand.ScreeningAfronden(false, "0983", replies.ref())),
        new CaseCommand.Authorized(backoffice, new CaseCommand.ZorgStarten(1, LocalDate.parse("2027-01-03"), replies.ref())),
        new CaseCommand.Wake(replies.ref()),
        new CaseReply.Checked(2, Instant.parse("2027-01-04T23:00:00Z")),
        DeadlineScheduler.Poll.INSTANCE,
        new ClockSync.Moved(Instant.parse("2027-01-05T08:00:00Z"), done.ref()))) {
      assertEquals(message, roundTrip(message), message.getClass().getName());
    }
  }

  private static Object roundTrip(Object message) {
    return testKit.serializationTestKit().verifySerialization(message, false);
  }
}
