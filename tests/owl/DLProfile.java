// The OWL 2 DL profile check of tests/test_ontology.py: the OWL API's OWL2DLProfile (the jar ships
// inside owlready2) on one ontology document; prints each violation, exits 1 if there is any.
// Run as a single-file program: java -cp owlapi-distribution-*.jar DLProfile.java FILE.owl
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class DLProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation v : report.getViolations()) {
            System.out.println("violation: " + v);
        }
        System.out.println(report.isInProfile() ? "OWL 2 DL: in profile" : "OWL 2 DL: " + report.getViolations().size() + " violation(s)");
        System.exit(report.isInProfile() ? 0 : 1);
    }
}
