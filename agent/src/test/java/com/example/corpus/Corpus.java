package com.example.corpus;

import static com.example.corpus.Program.scalar;
import static com.example.corpus.Program.vector;

import com.example.corpus.business.EconomicOrderQuantity;
import com.example.corpus.business.PayrollTaxBrackets;
import com.example.corpus.business.SubscriptionRevenueForecast;
import com.example.corpus.business.UtilityTariff;
import com.example.corpus.finance.BinomialAmericanPut;
import com.example.corpus.finance.BondPrice;
import com.example.corpus.finance.LoanAmortization;
import com.example.corpus.finance.MonteCarloAsianCall;
import com.example.corpus.finance.PortfolioRiskReturn;
import com.example.corpus.finance.YieldToMaturity;
import com.example.corpus.geometry.BezierArcLength;
import com.example.corpus.geometry.PolygonCentroid;
import com.example.corpus.geometry.RayCasting;
import com.example.corpus.geometry.ShapeAreas;
import com.example.corpus.geometry.SphericalToCartesian;
import com.example.corpus.geometry.TetrahedronSurface;
import com.example.corpus.misc.GuardedCubeRoot;
import com.example.corpus.misc.RecursivePowerHorner;
import com.example.corpus.nn.ElmanRecurrentCell;
import com.example.corpus.nn.LayerNorm;
import com.example.corpus.nn.LogisticRegressionLoss;
import com.example.corpus.nn.SoftmaxCrossEntropy;
import com.example.corpus.nn.TwoLayerPerceptron;
import com.example.corpus.ode.AdaptiveHeunEuler;
import com.example.corpus.ode.ExplicitEulerDecay;
import com.example.corpus.ode.LeapfrogOscillatorChain;
import com.example.corpus.ode.LorenzFlowMap;
import com.example.corpus.ode.LotkaVolterraLambdas;
import com.example.corpus.ode.RungeKuttaLogistic;
import com.example.corpus.physics.GravityPotential;
import com.example.corpus.physics.HeatRodExplicit;
import com.example.corpus.physics.PendulumEnergy;
import com.example.corpus.physics.ProjectileWithDrag;
import com.example.corpus.physics.SpringMassStep;
import com.example.corpus.stats.GaussianLogLikelihood;
import com.example.corpus.stats.HoltForecastLoss;
import com.example.corpus.stats.KernelDensityLikelihood;
import com.example.corpus.stats.MedianAndTrimmedMean;
import com.example.corpus.stats.PearsonCorrelationBoxed;
import com.example.corpus.stats.WelfordVariance;
import com.example.corpus.business.LedgerByAccount;
import com.example.corpus.finance.CompoundedAccrual;
import com.example.corpus.geometry.InnerClassPolyline;
import com.example.corpus.misc.RobustLossWithFinally;
import com.example.corpus.nn.EnumActivationNetwork;
import com.example.corpus.ode.ComposedOperatorsHeun;
import com.example.corpus.physics.RecordParticleStream;
import com.example.corpus.stats.AdaptiveSimpsonIntegral;
import com.example.corpus.stats.BoxedFunctionPipeline;
import com.example.corpus.stats.WeightedTopMeanReduce;
import java.util.List;
import java.util.Random;

/**
 * The corpus: realistic numeric programs written the way people write numeric Java, each with
 * points away from branch switches and, where cheap, a closed-form derivative. Each program's
 * class is only loaded when its function or closed form is first asked for.
 */
public final class Corpus {

    private Corpus() {
    }

    /** @return every program, in a stable order */
    public static List<Program> programs() {
        return List.of(
                // physics
                scalar("physics.SpringMassStep", "damped spring-mass loop with state in object fields",
                        () -> SpringMassStep::f, p(4, 0.3, 1.5, 1.8, -0.2), p(10, 0.1, 0.7, 0.2, 1.0)),
                scalar("physics.ProjectileWithDrag", "projectile with drag on immutable vector objects",
                        () -> ProjectileWithDrag::f, p(20, 0.7, 0.01), p(35, 0.4, 0.02)),
                scalar("physics.PendulumEnergy", "pendulum energy through an abstract class and super calls",
                        () -> PendulumEnergy::f, p(1.2, 0.8, 0.6, 1.5, 0.3), p(2.0, 1.5, -0.4, -0.7, -0.2))
                        .gradient(() -> PendulumEnergy::gradient),
                scalar("physics.GravityPotential", "gravitational potential of bodies in a double[][] field",
                        () -> GravityPotential::f, p(0, 0, 1, 0.2, -0.5, 1.1, 0.3, -0.9),
                        p(0.1, -0.2, 2, 0.5, -1, 1.5, 0.7, -1.3))
                        .gradient(() -> GravityPotential::gradient),
                scalar("physics.HeatRodExplicit", "explicit heat equation with clone and arraycopy",
                        () -> HeatRodExplicit::f, p(0.4, 0, 1, 3, 2, 4, 1.5, 0.5, 0), p(0.8, 1, 0.5, -1, 2, 0, 1, 3, 2)),
                // neural networks
                scalar("nn.TwoLayerPerceptron", "perceptron with Math::tanh and lambda activations",
                        () -> TwoLayerPerceptron::f, seeded(17, 1, -1, 1), seeded(17, 2, -1, 1)),
                scalar("nn.SoftmaxCrossEntropy", "class-weighted softmax cross-entropy with copyOfRange rows",
                        () -> SoftmaxCrossEntropy::f, p(0.5, 1.2, -0.3, 2.0, -1.0, 0.4, 0.9, 0.1), seeded(8, 3, -2, 2))
                        .gradient(() -> SoftmaxCrossEntropy::gradient),
                scalar("nn.LogisticRegressionLoss", "logistic loss summed by stream lambdas into an accumulator",
                        () -> LogisticRegressionLoss::f, p(0.1, 0.5, -0.3), p(-0.4, 1.2, 0.8))
                        .gradient(() -> LogisticRegressionLoss::gradient),
                scalar("nn.ElmanRecurrentCell", "recurrent cell unrolled with cloned state arrays",
                        () -> ElmanRecurrentCell::f, seeded(18, 4, -0.8, 0.8), seeded(18, 5, -0.8, 0.8)),
                vector("nn.LayerNorm", "layer normalisation with gain and bias fields",
                        () -> LayerNorm::f, p(0.3, -1.2, 0.8, 2.1, -0.4), seeded(5, 6, -2, 2))
                        .jacobian(() -> LayerNorm::jacobian),
                // statistics
                scalar("stats.WelfordVariance", "Welford running variance with a long counter in fields",
                        () -> WelfordVariance::f, p(1.5, 2.5, -0.3, 4.1, 0.9, 3.3), seeded(10, 7, -3, 3))
                        .gradient(() -> WelfordVariance::gradient),
                scalar("stats.GaussianLogLikelihood", "normal likelihood through an abstract distribution",
                        () -> GaussianLogLikelihood::f, p(1.5, 0.2), p(0.9, -0.3))
                        .gradient(() -> GaussianLogLikelihood::gradient),
                scalar("stats.MedianAndTrimmedMean", "median and trimmed mean of a sorted copy",
                        () -> MedianAndTrimmedMean::f, p(3.1, -0.5, 2.2, 7.4, 1.1, 5.6, -2.3, 4.0), seeded(8, 8, -5, 5))
                        .gradient(() -> MedianAndTrimmedMean::gradient),
                scalar("stats.KernelDensityLikelihood", "kernel density with a lambda capturing the bandwidth",
                        () -> KernelDensityLikelihood::f, p(0.6, -0.8, 0.1, 0.4, 1.7, 2.5), p(1.1, 0, 0.5, -1.5, 1.0, 2.2))
                        .gradient(() -> KernelDensityLikelihood::gradient),
                scalar("stats.PearsonCorrelationBoxed", "correlation of series held in List<Double>",
                        () -> PearsonCorrelationBoxed::f, p(1, 2.5, 3.1, 4.8, 6.2, 2.1, 2.9, 4.2, 4.0, 6.5),
                        seeded(12, 9, -2, 2))
                        .gradient(() -> PearsonCorrelationBoxed::gradient),
                scalar("stats.HoltForecastLoss", "Holt smoothing with level and trend fields",
                        () -> HoltForecastLoss::f, p(0.5, 0.3, 9.5, 1.8), p(0.8, 0.1, 10.5, 2.2)),
                // geometry
                scalar("geometry.ShapeAreas", "shapes behind an interface, abstract class and super calls",
                        () -> ShapeAreas::f, p(1.2, 2.0, 3.5, 1.7, 3, 4, 5.5), p(0.5, 1, 1, 2.2, 2.5, 2.5, 3))
                        .gradient(() -> ShapeAreas::gradient),
                scalar("geometry.PolygonCentroid", "shoelace area and centroid over a List of points",
                        () -> PolygonCentroid::f, p(1, 0, 0.9, 0.8, -0.2, 1.2, -1, 0.3, -0.3, -0.9),
                        p(2, 0, 1.5, 1.5, 0, 2, -1.2, 0.5, 0.2, -1)),
                scalar("geometry.TetrahedronSurface", "tetrahedron area and volume with a Vec3 class",
                        () -> TetrahedronSurface::f, p(0.1, -0.2, 0, 1.3, 0.1, 0.2, 0.2, 1.1, -0.1, 0.3, 0.2, 1.4),
                        p(0, 0, 0, 2, 0.3, 0.1, 0.5, 1.5, 0.2, 0.4, 0.6, 1.1)),
                scalar("geometry.BezierArcLength", "Bezier arc length by recursive de Casteljau",
                        () -> BezierArcLength::f, p(0, 0, 1, 2, 3, 2.5, 4, 0), p(0, 0, 0.5, 1, 2, -1, 3, 0.5)),
                scalar("geometry.RayCasting", "ray casting with surfaces that throw on a miss",
                        () -> RayCasting::f, p(0.1, 0.2, 0, 0.05, 0.02, 1, 1.0), p(-0.2, 0.1, 0.5, -0.03, 0.04, 1, 1.3)),
                vector("geometry.SphericalToCartesian", "spherical coordinates rotated by a matrix field",
                        () -> SphericalToCartesian::f, p(2, 0.7, 1.1), p(0.5, 2.0, -0.4))
                        .jacobian(() -> SphericalToCartesian::jacobian),
                // ODE integrators
                scalar("ode.RungeKuttaLogistic", "logistic growth by RK4 behind interfaces",
                        () -> RungeKuttaLogistic::f, p(0.8, 10, 0.5), p(1.5, 4, 3)),
                scalar("ode.ExplicitEulerDecay", "Euler decay with a lambda capturing the rate",
                        () -> ExplicitEulerDecay::f, p(1.3, 2.0), p(0.4, -1.5))
                        .gradient(() -> ExplicitEulerDecay::gradient),
                scalar("ode.LeapfrogOscillatorChain", "leapfrog template method over an oscillator chain",
                        () -> LeapfrogOscillatorChain::f, p(0.1, -0.2, 0.3, 0, 0.5, -0.1, 1.5),
                        p(0.5, 0.1, -0.3, 0.2, 0, 0.1, 0.8)),
                scalar("ode.AdaptiveHeunEuler", "adaptive step-size control with rejected steps",
                        () -> AdaptiveHeunEuler::f, p(1.2, 3.0, 1.0), p(0.5, 5.0, -0.5)),
                scalar("ode.LotkaVolterraLambdas", "predator-prey field as a lambda capturing four doubles",
                        () -> LotkaVolterraLambdas::f, p(1.1, 0.4, 0.1, 0.4, 10, 5), p(0.9, 0.3, 0.2, 0.6, 4, 2)),
                vector("ode.LorenzFlowMap", "Lorenz flow map by RK4 on returned arrays",
                        () -> LorenzFlowMap::f, p(1, 1, 1), p(-3, 2, 20)),
                // finance
                scalar("finance.BinomialAmericanPut", "American put on a binomial lattice with early exercise",
                        () -> BinomialAmericanPut::f, p(100, 105, 0.05, 0.25, 1.0), p(95, 90, 0.03, 0.35, 0.5)),
                scalar("finance.BondPrice", "bond price over a list of cash-flow objects",
                        () -> BondPrice::f, p(0.045, 0.05), p(0.07, 0.03))
                        .gradient(() -> BondPrice::gradient),
                scalar("finance.MonteCarloAsianCall", "Monte Carlo Asian call with path objects",
                        () -> MonteCarloAsianCall::f, p(100, 0.2, 0.03), p(110, 0.35, 0.05)),
                scalar("finance.PortfolioRiskReturn", "portfolio objective with a default interface method",
                        () -> PortfolioRiskReturn::f, p(0.3, 0.2, 0.4, 0.1), p(0.1, 0.5, 0.2, 0.3))
                        .gradient(() -> PortfolioRiskReturn::gradient),
                scalar("finance.LoanAmortization", "loan interest by running the amortisation schedule",
                        () -> LoanAmortization::f, p(250_000, 0.045), p(80_000, 0.07))
                        .gradient(() -> LoanAmortization::gradient),
                scalar("finance.YieldToMaturity", "Newton yield solver that throws and is retried",
                        () -> YieldToMaturity::f, p(0.95, 0.05), p(1.08, 0.07))
                        .gradient(() -> YieldToMaturity::gradient),
                // business
                scalar("business.EconomicOrderQuantity", "inventory cost components with a discount switch",
                        () -> EconomicOrderQuantity::f, p(1500, 50, 0.2, 12), p(2600, 80, 0.25, 4))
                        .gradient(() -> EconomicOrderQuantity::gradient),
                scalar("business.PayrollTaxBrackets", "payroll with tax brackets, switch, ternary and a[i] +=",
                        () -> PayrollTaxBrackets::f, p(25_000, 50_000, 120_000, 75_000, 8_000, 200_000),
                        p(30_000, 45_000, 70_000, 100_000, 15_000, 150_000))
                        .gradient(() -> PayrollTaxBrackets::gradient),
                scalar("business.SubscriptionRevenueForecast", "revenue forecast with Arrays.fill and a long month",
                        () -> SubscriptionRevenueForecast::f, p(0.03, 0.01, 20, 0.08, 1.3), p(0.05, 0.02, 12, 0.1, 1.5)),
                scalar("business.UtilityTariff", "tiered tariff with switch, ternary and field accumulators",
                        () -> UtilityTariff::f, p(120, 90, 150, 60, 200, 140, 100, 80), p(50, 70, 30, 40, 100, 90, 120, 60)),
                // language constructs
                scalar("misc.RecursivePowerHorner", "recursive Horner and recursive squaring",
                        () -> RecursivePowerHorner::f, p(0.7, 1, -2, 0.5, 3), p(-1.3, 0.2, 1, -1, 0.4))
                        .gradient(() -> RecursivePowerHorner::gradient),
                scalar("misc.GuardedCubeRoot", "Newton cube root whose guard throws and is caught",
                        () -> GuardedCubeRoot::f, p(8.5, -2.0, 0.3, 27.0, -0.05), p(1.7, 4.4, -9.0))
                        .gradient(() -> GuardedCubeRoot::gradient),
                // second wave: modern and collection-minded idioms
                scalar("physics.RecordParticleStream", "records advanced by a stream lambda capturing doubles, then sorted",
                        () -> RecordParticleStream::f, p(0.1, 0.02, 1.0, 3.0, 2.0, -1.0, 0.5, 5.0, 1.5, 1.2, 0.8, 4.1),
                        p(0.3, 0.05, 1.2, 0.5, 0.7, 2.5, 2.2, -0.4, 1.0, 1.8, 0.9, 3.3)),
                scalar("nn.EnumActivationNetwork", "enum constants with bodies as activations, switch expression loss",
                        () -> EnumActivationNetwork::f, seeded(25, 10, -1, 1), seeded(25, 11, -1, 1)),
                scalar("stats.BoxedFunctionPipeline", "Function<Double, Double>.andThen, BiFunction, Optional, Map.merge",
                        () -> BoxedFunctionPipeline::f, p(1.5, 0.3, 0.2, 1.8, -0.9, 2.7, 0.5, -1.4),
                        p(0.8, -0.2, 1.1, 0.4, -0.3, 0.9, 2.0, 0.1)),
                scalar("stats.AdaptiveSimpsonIntegral", "recursive adaptive Simpson over a capturing density lambda",
                        () -> AdaptiveSimpsonIntegral::f, p(2.5, 1.2, 4.0), p(1.7, 0.6, 6.0)),
                scalar("stats.WeightedTopMeanReduce", "stream map, sorted, limit and reduce over objects",
                        () -> WeightedTopMeanReduce::f, p(1.3, 0.5, 2.1, -0.7, 1.6, 3.3, 0.2, 2.8),
                        p(0.7, 1.0, -1.2, 2.4, 0.3, 1.9, 2.2, -0.5))
                        .gradient(() -> WeightedTopMeanReduce::gradient),
                scalar("geometry.InnerClassPolyline", "inner class, anonymous class and a mutable static field",
                        () -> InnerClassPolyline::f, p(2.0, 1.5, 1.7, 0, 0, 1, 0.5, 2.2, -0.3, 3, 1.1),
                        p(0.5, 0.8, 2.5, 1, 1, -0.5, 2, 0.3, 0.4, 1.2, -0.7)),
                scalar("finance.CompoundedAccrual", "records, enum switch expression and long day counts",
                        () -> CompoundedAccrual::f, p(1e6, 0.05, 0.045, 0.04), p(2500, 0.03, 0.035, 0.05))
                        .gradient(() -> CompoundedAccrual::gradient),
                scalar("ode.ComposedOperatorsHeun", "bound method reference and DoubleUnaryOperator.andThen/compose",
                        () -> ComposedOperatorsHeun::f, p(0.6, 5, 0.5, 1.3), p(1.0, 3, 2.5, 0.7)),
                scalar("business.LedgerByAccount", "Map<Integer, Double>.merge with Double::sum and a lambda",
                        () -> LedgerByAccount::f, p(100, 250, -40, 75, 30, 60, 120, 0.02),
                        p(-20, 80, 310, 5, 140, -60, 45, 0.035))
                        .gradient(() -> LedgerByAccount::gradient),
                scalar("misc.RobustLossWithFinally", "exceptions thrown mid-expression, catch and finally on fields",
                        () -> RobustLossWithFinally::f, p(0.8, 2.05), p(1.2, 1.85)));
    }

    private static double[] p(double... x) {
        return x;
    }

    private static double[] seeded(int n, long seed, double lo, double hi) {
        return new Random(seed).doubles(n, lo, hi).toArray();
    }
}
