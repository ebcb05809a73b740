package fr.moncompte.portal.billing.run.entity;

/** A run is going, has gone through every company, or stopped on an error (run the month again to finish it). */
public enum RunState {
    RUNNING, FINISHED, FAILED
}
