package org.partnerfinance.shell.internal;

import java.util.EnumSet;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo switch: when Karaf runs with the framework property {@value #PROPERTY}{@code =true} (set by
 * {@code bin/demo}), the {@value #FEATURE} feature is installed once the boot features are in place. Without the
 * property nothing happens, so a production start ({@code bin/karaf}, {@code bin/start}) never gets demo users.
 *
 * <p>The feature is installed on a thread of its own after Karaf reported the end of its boot ({@link BootFinished}):
 * installing features while the boot features are still being provisioned can deadlock Karaf, and the features
 * service must not be called from a component's activation.
 */
@Component(immediate = true)
public class DemoOnRequest {

    /** Framework (system) property that asks for the demo. */
    static final String PROPERTY = "pf.demo";

    static final String FEATURE = "pf-demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoOnRequest.class);

    private final FeaturesService features;
    private final boolean requested;
    private Thread installer;

    @Activate
    public DemoOnRequest(@Reference FeaturesService features, BundleContext context) {
        this.features = features;
        this.requested = requested(context.getProperty(PROPERTY));
    }

    /**
     * Karaf registers {@link BootFinished} once the boot features are installed. The reference is optional because
     * Karaf registers that service without declaring it, so a mandatory one could not be resolved when features are
     * verified at build time.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindBootFinished(BootFinished bootFinished) {
        if (!requested || installer != null) {
            return;
        }
        installer = new Thread(this::install, "pf-demo-installer");
        installer.setDaemon(true);
        installer.start();
    }

    void unbindBootFinished(BootFinished bootFinished) {
        // the feature is installed once per start of Karaf; nothing to undo
    }

    /** Whether the property's value asks for the demo ({@code true}, any case). */
    static boolean requested(String value) {
        return value != null && Boolean.parseBoolean(value.trim());
    }

    private void install() {
        try {
            Feature feature = features.getFeature(FEATURE);
            if (feature == null) {
                LOG.error("Demo requested (-D{}=true), but the feature {} is not in any features repository",
                        PROPERTY, FEATURE);
                return;
            }
            if (features.isInstalled(feature)) {
                LOG.info("Demo requested (-D{}=true): the feature {} is installed already", PROPERTY, FEATURE);
                return;
            }
            LOG.warn("Demo requested (-D{}=true): installing the feature {} - demo users with a published password."
                    + " Never run a production installation like this.", PROPERTY, FEATURE);
            // no refresh of other bundles: pf-demo only adds a bundle that nothing else is wired to
            features.installFeature(FEATURE, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            LOG.error("Demo requested (-D{}=true), but installing the feature {} failed", PROPERTY, FEATURE, e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = installer;
        }
        if (running != null) {
            // the features service finishes an installation it started; wait for it rather than interrupting it
            running.join(30_000);
        }
    }
}
