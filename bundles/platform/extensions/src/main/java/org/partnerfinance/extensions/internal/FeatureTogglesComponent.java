package org.partnerfinance.extensions.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.partnerfinance.audit.api.AuditEvent;
import org.partnerfinance.audit.api.AuditTrail;
import org.partnerfinance.extensions.api.ExtensionConstants;
import org.partnerfinance.extensions.api.ExtensionListener;
import org.partnerfinance.extensions.api.FeatureToggles;
import org.partnerfinance.persistence.api.PersistenceException;
import org.partnerfinance.persistence.api.UnitOfWork;
import org.partnerfinance.security.api.Access;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.security.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feature toggles persisted in Config Admin under {@link ExtensionConstants#TOGGLES_PID}, property
 * {@value #DISABLED}. A change is visible through {@link #isEnabled} as soon as {@link #setEnabled} returns and is
 * announced to every {@link ExtensionListener}; Karaf's file install writes it back to
 * {@code etc/org.partnerfinance.toggles.cfg}, so it survives restarts. Immediate, so that an edit of that file is
 * announced to listeners even while nobody holds the toggles service. Every change through {@link #setEnabled} is an
 * audit record ({@code extension.enabled} / {@code extension.disabled}) written in one unit of work with the save;
 * edits of the file itself are logged, not audited (whoever can write etc/ is outside the portal's control).
 */
@Component(service = FeatureToggles.class, immediate = true, configurationPid = ExtensionConstants.TOGGLES_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ToggleConfiguration.class)
public class FeatureTogglesComponent implements FeatureToggles {

    /** Configuration property holding the disabled extension ids. */
    static final String DISABLED = "disabled";

    /** Binds the configuration to whichever bundle uses it, as file install does for etc/ files. */
    private static final String ANY_LOCATION = "?";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureTogglesComponent.class);

    private final ToggleState state = new ToggleState();
    private final ListenerSet listeners = new ListenerSet();
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public FeatureTogglesComponent(@Reference ConfigurationAdmin configurationAdmin, ToggleConfiguration config) {
        this.configurationAdmin = configurationAdmin;
        state.configured(ToggleState.normalise(config.disabled()));
        LOG.info("Feature toggles active; disabled extensions: {}", state.disabled());
    }

    @Modified
    void modified(ToggleConfiguration config) {
        if (state.configured(ToggleState.normalise(config.disabled()))) {
            LOG.info("Feature toggles changed by configuration; disabled extensions: {}", state.disabled());
            listeners.fire();
        }
    }

    /**
     * Dynamic, so that a restart of the audit service (e.g. its configuration changed) does not restart the toggles and
     * everything that depends on them; while it is missing, toggles cannot be changed.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UnitOfWork unitOfWork;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ExtensionListener listener) {
        listeners.add(listener);
    }

    void removeListener(ExtensionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean isEnabled(String extensionId) {
        return state.isEnabled(extensionId);
    }

    @Override
    public Set<String> disabled() {
        return state.disabled();
    }

    @Override
    public void setEnabled(Caller caller, String extensionId, boolean enabled) {
        Access.requireAnyRole(caller, Role.ADMINISTRATOR);
        if (extensionId == null || extensionId.isBlank()) {
            throw new IllegalArgumentException("An extension id is required.");
        }
        String id = extensionId.trim();
        if (id.contains(",")) {
            throw new IllegalArgumentException("An extension id cannot contain a comma: " + id);
        }
        AuditTrail trail = audit;
        UnitOfWork work = unitOfWork;
        if (trail == null || work == null) {
            throw new IllegalStateException("The audit trail is not available, so toggles cannot be changed now: "
                    + "every change is audited. Is the pf-platform feature installed and its database reachable?");
        }
        Optional<Set<String>> changed;
        try {
            // The audit record and the saved toggles go together: if saving fails, the record is rolled back; if the
            // record cannot be written, nothing is saved.
            changed = state.change(id, enabled, disabled -> work.required(() -> {
                trail.append(new AuditEvent(caller.username(), enabled ? "extension.enabled" : "extension.disabled",
                        "extension", id, enabled ? "off" : "on", enabled ? "on" : "off"));
                persist(disabled);
                return null;
            }));
        } catch (IOException | PersistenceException e) {
            throw new IllegalStateException("Could not save the feature toggles: " + e.getMessage(), e);
        }
        if (changed.isPresent()) {
            LOG.info("{} switched extension '{}' {}; disabled extensions: {}", caller.username(), id,
                    enabled ? "on" : "off", changed.get());
            listeners.fire();
        }
    }

    private void persist(Set<String> disabled) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(ExtensionConstants.TOGGLES_PID, ANY_LOCATION);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        // keep the other properties (e.g. file install's file name), replace only the set
        properties.put(DISABLED, disabled.toArray(new String[0]));
        configuration.update(properties);
        LOG.debug("Persisted disabled extensions {}", Arrays.toString(disabled.toArray()));
    }
}
