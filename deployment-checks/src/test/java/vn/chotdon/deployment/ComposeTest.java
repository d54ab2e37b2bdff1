package vn.chotdon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, the one-server deployment. */
class ComposeTest {

    private static JsonNode compose() {
        return Yaml.document(Repository.read(Repository.root().resolve("docker-compose.yml")));
    }

    @Test
    void validatesAgainstTheComposeSpecification() {
        assertThat(Schemas.composeProblems(Schemas.compose(), compose())).isEmpty();
    }

    @Test
    void everySettingGivenToAServiceIsOneItReadsAndNoSecretIsWritten() {
        assertThat(new SettingsCheck().compose(compose())).isEmpty();
    }

    @Test
    void theWorstCaseOfConnectionsFitsMaxConnections() {
        ConnectionBudget.Result budget = new ConnectionBudget().compose(compose());
        assertThat(budget.fits()).as(budget.explain()).isTrue();
        assertThat(budget.lines()).as(budget.explain()).hasSize(5);
    }

    @Test
    void theServicesImagesCarryTheProjectVersion() {
        assertThat(ImageTags.compose(compose(), Repository.projectVersion())).isEmpty();
    }

    @Test
    void theServicesStartOnlyAfterTheTopicsAndTheDatabaseUsersExist() {
        JsonNode services = compose().path("services");
        for (String service : new String[] {"catalog-service", "livestream-service", "order-service"}) {
            JsonNode dependsOn = services.path(service).path("depends_on");
            assertThat(dependsOn.path("kafka-topics").path("condition").asText()).as(service)
                    .isEqualTo("service_completed_successfully");
            assertThat(dependsOn.path("mysql-users").path("condition").asText()).as(service)
                    .isEqualTo("service_completed_successfully");
            assertThat(services.path(service).path("restart").asText()).as(service).isEqualTo("unless-stopped");
        }
        assertThat(services.path("kafka").path("healthcheck").isMissingNode()).isFalse();
        assertThat(services.path("mysql").path("healthcheck").isMissingNode()).isFalse();
        // The sessions topic is kept for ever: order-service rebuilds its read model from it.
        assertThat(services.path("kafka-topics").path("command").toString()).contains("chotdon.livestream.sessions:6:-1");
    }
}
