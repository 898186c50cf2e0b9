package nl.regie.server.bericht;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import nl.regie.protocol.codes.Retourcode;
import nl.regie.protocol.iwmo.bericht.Klassepad;
import nl.regie.protocol.iwmo.bericht.Retourcodes;
import nl.regie.server.cases.CaseCommand;
import nl.regie.server.cases.CaseReply;
import nl.regie.server.cases.CaseService;
import org.apache.pekko.actor.typed.ActorRef;

/** One berichtklasse on its way to its case; without a case (or an answer from it) it gets {@code zonderCase}. */
record Klasse(Klassepad pad, Optional<String> caseId, Function<ActorRef<CaseReply>, CaseCommand> command, Retourcode zonderCase) {

  /**
   * Each of {@code klassen} judged at its case, one after the other (a later klasse may depend on
   * an earlier one in the same case), its codes added to {@code vooraf}.
   */
  static CompletionStage<Outcome.Judged> judge(CaseService cases, List<Klasse> klassen, Retourcodes vooraf) {
    CompletionStage<Retourcodes> codes = CompletableFuture.completedFuture(vooraf);
    for (Klasse klasse : klassen) {
      codes = codes.thenCompose(sofar -> klasse.judge(cases).thenApply(c -> sofar.met(klasse.pad(), c.toArray(Retourcode[]::new))));
    }
    Set<String> caseIds = new LinkedHashSet<>();
    klassen.forEach(k -> k.caseId().ifPresent(caseIds::add));
    return codes.thenApply(all -> new Outcome.Judged(all, new ArrayList<>(caseIds)));
  }

  private CompletionStage<List<Retourcode>> judge(CaseService cases) {
    if (caseId.isEmpty()) return CompletableFuture.completedFuture(List.of(zonderCase));
    return cases.ask(caseId.get(), command).thenApply(reply ->
        reply instanceof CaseReply.Beoordeeld b ? b.retourcodes() : List.of(zonderCase));
  }

  /** The klassen, once each has found its case. */
  static CompletionStage<List<Klasse>> all(List<CompletionStage<Klasse>> found) {
    List<CompletableFuture<Klasse>> futures = found.stream().map(CompletionStage::toCompletableFuture).toList();
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
  }
}
