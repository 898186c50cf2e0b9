package nl.regie.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.regie.protocol.iwmo.bericht.Periode;
import nl.regie.protocol.regeling.Product;
import nl.regie.protocol.regeling.Regeling;
import nl.regie.server.cases.CaseCommand.Toewijzen;
import nl.regie.server.cases.CaseCommand.Toewijzen.ToewijzingElders;

/**
 * What a beschikking's products need besides stacking within the case ({@link
 * Regeling#stapelconflict}, checked by the beschikking): a gemeente that offers them, the product
 * they go together with ({@code alleenMet}), and no conflict with what runs in the cliënt's other
 * open cases at the same gemeente ({@link Toewijzen#elders}). A toewijzing elsewhere counts only
 * when its period overlaps the new one; within the case every active toewijzing counts, as for
 * stacking.
 *
 * <p>Across cases, stacking by segment is checked only against cases of the same regeling: a
 * segment means something only within its rulebook. As within a case, products of one segment
 * stack, so the same product in two cases at the same time is not refused here; the iWmo rule
 * against it ({@code Stapeling.zelfdeProduct}, TR302) holds within one aanbieder's WMO301, which
 * holds only this case's toewijzingen.
 */
final class Stapelcontrole {

  private Stapelcontrole() {}

  static List<String> fouten(CaseState state, Toewijzen c, Regeling regeling) {
    List<Nieuw> nieuw = new ArrayList<>();
    for (int i = 0; i < c.regels().size(); i++) {
      Toewijzen.Regel regel = c.regels().get(i);
      int index = i;
      // Unknown or phased-out products are reported by the beschikking itself.
      regeling.product(regel.product()).filter(p -> p.geldigOp(regel.ingangsdatum()))
          .ifPresent(p -> nieuw.add(new Nieuw(index, p, new Periode(regel.ingangsdatum(), regel.einddatum()))));
    }
    List<Product> inCase = new ArrayList<>(nieuw.stream().map(Nieuw::product).toList());
    for (Toewijzing active : state.actieveToewijzingen()) regeling.product(active.product()).ifPresent(inCase::add);

    List<String> fouten = new ArrayList<>();
    for (Nieuw n : nieuw) {
      String at = "toewijzingen[" + n.index() + "].product: ";
      Product p = n.product();
      if (!p.aangebodenIn(state.gemeente())) {
        fouten.add(at + p.code() + " (" + p.naam() + ") is offered only in the gemeenten " + sorted(p.gemeenten())
            + ", not in this case's gemeente " + state.gemeente());
      }
      List<Elders> tegelijk = elders(c.elders(), n.periode(), regeling);
      List<Product> partners = new ArrayList<>(inCase);
      tegelijk.stream().filter(e -> e.product().isPresent()).forEach(e -> partners.add(e.product().get()));
      if (!p.combinatieCompleet(partners)) {
        fouten.add(at + p.code() + " (" + p.naam() + ") is assigned only together with a product of segment "
            + sorted(p.alleenMet()) + ", and the cliënt has none in this beschikking, this case or another open case");
      }
      for (Elders e : tegelijk) {
        ToewijzingElders t = e.toewijzing();
        String waar = "toewijzing " + t.toewijzingNummer() + " in case " + t.caseId();
        if (e.product().isPresent() && !regeling.stapelregels().stapelbaar(p.segment(), e.product().get().segment())) {
          Product q = e.product().get();
          fouten.add(at + String.format("%s (%s, segment %s) may not be combined with %s (%s, segment %s), %s",
              p.code(), p.naam(), p.segment(), q.code(), q.naam(), q.segment(), waar));
        }
      }
    }
    return fouten;
  }

  /** The toewijzingen elsewhere that overlap {@code periode}, with their product when it is one of {@code regeling}. */
  private static List<Elders> elders(List<ToewijzingElders> elders, Periode periode, Regeling regeling) {
    return elders.stream()
        .filter(t -> periode.overlapt(new Periode(t.ingangsdatum(), t.einddatum())))
        .map(t -> new Elders(t, regeling.id().equals(t.regeling()) ? regeling.product(t.product()) : Optional.empty()))
        .toList();
  }

  private static String sorted(java.util.Set<String> names) {
    return names.stream().sorted().collect(Collectors.joining(", "));
  }

  private record Nieuw(int index, Product product, Periode periode) {}

  private record Elders(ToewijzingElders toewijzing, Optional<Product> product) {}
}
