package nl.regie.server.cases;

/**
 * The rules for one command: given the case and the command, what the case decides. Pure: the
 * same state, command and context give the same decision, so a decider is tested without actors.
 */
@FunctionalInterface
interface Decider<C extends CaseCommand> {

  Decision decide(CaseState state, C command, DecisionContext context);
}
