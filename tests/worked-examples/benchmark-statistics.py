# Independent worked examples (scipy) for app/modules/benchmarks tests.
from scipy import stats
from scipy.stats import mstats
import numpy as np
def exact(dist, n, p):
    r = dist.ppf(p)
    F = dist.cdf(r); Fm = dist.cdf(r-1)
    a = (F-p)/(F-Fm)
    return r, a, max(0,(r-a)/n)
print("Poisson theta=0.0025, n=1800 (mu=4.5)")
d = stats.poisson(4.5)
for p in [0.001,0.025,0.975,0.999]:
    r,a,l = exact(d,1800,p); print(p, r, a, l*1000)
print("Binomial theta=0.1, n=100")
d = stats.binom(100,0.1)
for p in [0.001,0.025,0.975,0.999]:
    r,a,l = exact(d,100,p); print(p, r, a, l)
print("Poisson mu=2000 theta=0.25, n=8000")
d = stats.poisson(2000)
for p in [0.001,0.999]:
    r,a,l = exact(d,8000,p); print(p, r, a, l)
# overdispersion: 10 hospitals, rate target pooled
y = np.array([30, 45, 12, 80, 55, 20, 66, 38, 90, 25])
n = np.array([1000, 1200, 600, 1500, 1400, 900, 1300, 1100, 1600, 700], dtype=float)
theta = y.sum()/n.sum()
z = (y/n - theta)/np.sqrt(theta/n)
zw = np.asarray(mstats.winsorize(z, limits=(0.1,0.1)))
phi = (zw**2).mean()
I = len(y)
w = n/theta
tau2 = (I*phi-(I-1))/(w.sum()-(w**2).sum()/w.sum())
print("theta", theta, "z", z, "zw", zw, "phi", phi, "I*phi", I*phi, "chi2", stats.chi2.ppf(0.95, I-1), "tau2", tau2)
print("limits at n=1000 998:", theta-3.090232306*np.sqrt(theta/1000+tau2), theta+3.090232306*np.sqrt(theta/1000+tau2))
for k in [4,9,19,39]: print("chi2",k, stats.chi2.ppf(0.95,k))
# probability limits Poisson mu=0.31
d=stats.poisson(0.31); print("pois .31 F", [d.cdf(k) for k in range(5)], "ppf .99865", d.ppf(0.99865), d.ppf(0.00135))
d=stats.poisson(2.4); print("pois 2.4 ppf .99865", d.ppf(0.99865), d.ppf(0.00135), 1-d.cdf(d.ppf(0.99865)))
