package nl.regie.protocol.api;

import java.time.LocalDate;
import java.util.List;
import nl.regie.protocol.codes.Bsn;
import nl.regie.protocol.codes.Gemeenten;
import nl.regie.protocol.cases.Client;
import nl.regie.protocol.cases.Kanaal;

/** Body of {@code POST /api/v1/cases}: a melding that opens a case. */
public record NieuweMeldingBody(
    String bsn, String gemeente, String regeling, Kanaal kanaal, LocalDate meldingOp, Client client)
    implements Validatable {

  @Override
  public List<String> problems() {
    Violations v =
        new Violations()
            .required(bsn, "bsn")
            .check(bsn, Bsn::isValid, "bsn", "not a valid BSN (nine digits, elfproef)")
            .required(gemeente, "gemeente")
            .check(gemeente, Gemeenten::exists, "gemeente", "not a CBS gemeentecode (four digits, e.g. 0983)")
            .required(regeling, "regeling")
            .required(kanaal, "kanaal")
            .required(meldingOp, "meldingOp");
    if (client != null) v.addAll(ClientValidation.problems(client, meldingOp));
    return v.list();
  }
}
