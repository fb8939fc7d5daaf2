package com.example.corpus.business;

import java.util.List;

/**
 * Annual inventory cost at the economic order quantity, summed over cost components of a class
 * hierarchy; the unit price comes from a volume-discount tier chosen by a switch.
 */
public final class EconomicOrderQuantity {

    private EconomicOrderQuantity() {
    }

    abstract static class CostComponent {
        protected final double demand;

        CostComponent(double demand) {
            this.demand = demand;
        }

        abstract double annualCost(double orderQuantity);
    }

    static final class OrderingCost extends CostComponent {
        private final double perOrder;

        OrderingCost(double demand, double perOrder) {
            super(demand);
            this.perOrder = perOrder;
        }

        @Override
        double annualCost(double q) {
            return demand / q * perOrder;
        }
    }

    static final class HoldingCost extends CostComponent {
        private final double perUnitYear;

        HoldingCost(double demand, double perUnitYear) {
            super(demand);
            this.perUnitYear = perUnitYear;
        }

        @Override
        double annualCost(double q) {
            return q / 2 * perUnitYear;
        }
    }

    static final class PurchaseCost extends CostComponent {
        private final double unitPrice;

        PurchaseCost(double demand, double unitPrice) {
            super(demand);
            this.unitPrice = unitPrice;
        }

        @Override
        double annualCost(double q) {
            return demand * unitPrice;
        }
    }

    static double discountFactor(double demand) {
        int tier = (int) (demand / 1000);
        switch (tier) {
            case 0:
                return 1.0;
            case 1:
                return 0.97;
            case 2:
                return 0.95;
            default:
                return 0.92;
        }
    }

    /** @param x annual demand, cost per order, holding rate (per year, of the unit price), list unit price */
    public static double f(double[] x) {
        double demand = x[0];
        double unitPrice = x[3] * discountFactor(demand);
        double holding = x[2] * unitPrice;
        double eoq = Math.sqrt(2 * demand * x[1] / holding);
        List<CostComponent> components = List.of(new OrderingCost(demand, x[1]),
                new HoldingCost(demand, holding), new PurchaseCost(demand, unitPrice));
        double total = 0;
        for (CostComponent c : components) {
            total += c.annualCost(eoq);
        }
        return total;
    }

    /** At the optimum the cost is sqrt(2 D S i c') + D c', with c' the discounted price. */
    public static double[] gradient(double[] x) {
        double d = x[0];
        double s = x[1];
        double i = x[2];
        double factor = discountFactor(d);
        double c = x[3] * factor;
        double root = Math.sqrt(2 * d * s * i * c);
        return new double[] {
            s * i * c / root + c,
            d * i * c / root,
            d * s * c / root,
            factor * (d * s * i / root + d),
        };
    }
}
