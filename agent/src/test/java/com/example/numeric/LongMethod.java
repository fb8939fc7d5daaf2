package com.example.numeric;

/**
 * One long unrolled method with branches, after a method with 300 string constants. Rewritten,
 * the method is long enough for the rewriter to check it against the 64 KB limit in a scratch
 * class of its own, where its {@code ldc}s are short; in the real class they are wide. Its
 * instructions are thus written twice at different offsets (a regression once kept stale jump
 * offsets from the first write).
 */
public final class LongMethod {

    private LongMethod() {
    }

    /** Constants that push the long method's own past index 255 of the constant pool. */
    public static String[] labels() {
        return new String[] {"label0", "label1", "label2", "label3", "label4", "label5", "label6", "label7", "label8", "label9", "label10", "label11", "label12", "label13", "label14", "label15", "label16", "label17", "label18", "label19", "label20", "label21", "label22", "label23", "label24", "label25", "label26", "label27", "label28", "label29", "label30", "label31", "label32", "label33", "label34", "label35", "label36", "label37", "label38", "label39", "label40", "label41", "label42", "label43", "label44", "label45", "label46", "label47", "label48", "label49", "label50", "label51", "label52", "label53", "label54", "label55", "label56", "label57", "label58", "label59", "label60", "label61", "label62", "label63", "label64", "label65", "label66", "label67", "label68", "label69", "label70", "label71", "label72", "label73", "label74", "label75", "label76", "label77", "label78", "label79", "label80", "label81", "label82", "label83", "label84", "label85", "label86", "label87", "label88", "label89", "label90", "label91", "label92", "label93", "label94", "label95", "label96", "label97", "label98", "label99", "label100", "label101", "label102", "label103", "label104", "label105", "label106", "label107", "label108", "label109", "label110", "label111", "label112", "label113", "label114", "label115", "label116", "label117", "label118", "label119", "label120", "label121", "label122", "label123", "label124", "label125", "label126", "label127", "label128", "label129", "label130", "label131", "label132", "label133", "label134", "label135", "label136", "label137", "label138", "label139", "label140", "label141", "label142", "label143", "label144", "label145", "label146", "label147", "label148", "label149", "label150", "label151", "label152", "label153", "label154", "label155", "label156", "label157", "label158", "label159", "label160", "label161", "label162", "label163", "label164", "label165", "label166", "label167", "label168", "label169", "label170", "label171", "label172", "label173", "label174", "label175", "label176", "label177", "label178", "label179", "label180", "label181", "label182", "label183", "label184", "label185", "label186", "label187", "label188", "label189", "label190", "label191", "label192", "label193", "label194", "label195", "label196", "label197", "label198", "label199", "label200", "label201", "label202", "label203", "label204", "label205", "label206", "label207", "label208", "label209", "label210", "label211", "label212", "label213", "label214", "label215", "label216", "label217", "label218", "label219", "label220", "label221", "label222", "label223", "label224", "label225", "label226", "label227", "label228", "label229", "label230", "label231", "label232", "label233", "label234", "label235", "label236", "label237", "label238", "label239", "label240", "label241", "label242", "label243", "label244", "label245", "label246", "label247", "label248", "label249", "label250", "label251", "label252", "label253", "label254", "label255", "label256", "label257", "label258", "label259", "label260", "label261", "label262", "label263", "label264", "label265", "label266", "label267", "label268", "label269", "label270", "label271", "label272", "label273", "label274", "label275", "label276", "label277", "label278", "label279", "label280", "label281", "label282", "label283", "label284", "label285", "label286", "label287", "label288", "label289", "label290", "label291", "label292", "label293", "label294", "label295", "label296", "label297", "label298", "label299"};
    }

    /** @param x four values */
    public static double value(double[] x) {
        double s = x[0];
        double t = 0;
        if (s > 2.0) {
            s = s * 0.5 + x[0] * 1.00;
        } else {
            s = s + x[1] * x[0] / (x.length + 100000);
        }
        s = s * 0.999 + Math.sin(x[1] + 0.1) * x[2];
        t = t + s * x[2] - 1.02 * x[3] * x[3] * 100002 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[3] * 1.03;
        } else {
            s = s + x[0] * x[3] / (x.length + 100003);
        }
        s = s * 0.996 + Math.sin(x[0] + 0.4) * x[1];
        t = t + s * x[1] - 1.05 * x[2] * x[2] * 100005 / (x.length + 100000);
        if (s > 3.0) {
            s = s * 0.5 + x[2] * 1.06;
        } else {
            s = s + x[3] * x[2] / (x.length + 100006);
        }
        s = s * 0.993 + Math.sin(x[3] + 0.7) * x[0];
        t = t + s * x[0] - 1.08 * x[1] * x[1] * 100008 / (x.length + 100000);
        if (s > 6.0) {
            s = s * 0.5 + x[1] * 1.09;
        } else {
            s = s + x[2] * x[1] / (x.length + 100009);
        }
        s = s * 0.990 + Math.sin(x[2] + 1.0) * x[3];
        t = t + s * x[3] - 1.11 * x[0] * x[0] * 100011 / (x.length + 100000);
        if (s > 4.0) {
            s = s * 0.5 + x[0] * 1.12;
        } else {
            s = s + x[1] * x[0] / (x.length + 100012);
        }
        s = s * 0.987 + Math.sin(x[1] + 1.3) * x[2];
        t = t + s * x[2] - 1.14 * x[3] * x[3] * 100014 / (x.length + 100000);
        if (s > 2.0) {
            s = s * 0.5 + x[3] * 1.15;
        } else {
            s = s + x[0] * x[3] / (x.length + 100015);
        }
        s = s * 0.984 + Math.sin(x[0] + 1.6) * x[1];
        t = t + s * x[1] - 1.17 * x[2] * x[2] * 100017 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[2] * 1.18;
        } else {
            s = s + x[3] * x[2] / (x.length + 100018);
        }
        s = s * 0.981 + Math.sin(x[3] + 1.9) * x[0];
        t = t + s * x[0] - 1.20 * x[1] * x[1] * 100020 / (x.length + 100000);
        if (s > 3.0) {
            s = s * 0.5 + x[1] * 1.21;
        } else {
            s = s + x[2] * x[1] / (x.length + 100021);
        }
        s = s * 0.978 + Math.sin(x[2] + 2.2) * x[3];
        t = t + s * x[3] - 1.23 * x[0] * x[0] * 100023 / (x.length + 100000);
        if (s > 6.0) {
            s = s * 0.5 + x[0] * 1.24;
        } else {
            s = s + x[1] * x[0] / (x.length + 100024);
        }
        s = s * 0.975 + Math.sin(x[1] + 2.5) * x[2];
        t = t + s * x[2] - 1.26 * x[3] * x[3] * 100026 / (x.length + 100000);
        if (s > 4.0) {
            s = s * 0.5 + x[3] * 1.27;
        } else {
            s = s + x[0] * x[3] / (x.length + 100027);
        }
        s = s * 0.972 + Math.sin(x[0] + 2.8) * x[1];
        t = t + s * x[1] - 1.29 * x[2] * x[2] * 100029 / (x.length + 100000);
        if (s > 2.0) {
            s = s * 0.5 + x[2] * 1.30;
        } else {
            s = s + x[3] * x[2] / (x.length + 100030);
        }
        s = s * 0.969 + Math.sin(x[3] + 3.1) * x[0];
        t = t + s * x[0] - 1.32 * x[1] * x[1] * 100032 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[1] * 1.33;
        } else {
            s = s + x[2] * x[1] / (x.length + 100033);
        }
        s = s * 0.966 + Math.sin(x[2] + 3.4) * x[3];
        t = t + s * x[3] - 1.35 * x[0] * x[0] * 100035 / (x.length + 100000);
        if (s > 3.0) {
            s = s * 0.5 + x[0] * 1.36;
        } else {
            s = s + x[1] * x[0] / (x.length + 100036);
        }
        s = s * 0.963 + Math.sin(x[1] + 3.7) * x[2];
        t = t + s * x[2] - 1.38 * x[3] * x[3] * 100038 / (x.length + 100000);
        if (s > 6.0) {
            s = s * 0.5 + x[3] * 1.39;
        } else {
            s = s + x[0] * x[3] / (x.length + 100039);
        }
        s = s * 0.960 + Math.sin(x[0] + 4.0) * x[1];
        t = t + s * x[1] - 1.41 * x[2] * x[2] * 100041 / (x.length + 100000);
        if (s > 4.0) {
            s = s * 0.5 + x[2] * 1.42;
        } else {
            s = s + x[3] * x[2] / (x.length + 100042);
        }
        s = s * 0.957 + Math.sin(x[3] + 4.3) * x[0];
        t = t + s * x[0] - 1.44 * x[1] * x[1] * 100044 / (x.length + 100000);
        if (s > 2.0) {
            s = s * 0.5 + x[1] * 1.45;
        } else {
            s = s + x[2] * x[1] / (x.length + 100045);
        }
        s = s * 0.954 + Math.sin(x[2] + 4.6) * x[3];
        t = t + s * x[3] - 1.47 * x[0] * x[0] * 100047 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[0] * 1.48;
        } else {
            s = s + x[1] * x[0] / (x.length + 100048);
        }
        s = s * 0.951 + Math.sin(x[1] + 4.9) * x[2];
        t = t + s * x[2] - 1.50 * x[3] * x[3] * 100050 / (x.length + 100000);
        if (s > 3.0) {
            s = s * 0.5 + x[3] * 1.51;
        } else {
            s = s + x[0] * x[3] / (x.length + 100051);
        }
        s = s * 0.948 + Math.sin(x[0] + 5.2) * x[1];
        t = t + s * x[1] - 1.53 * x[2] * x[2] * 100053 / (x.length + 100000);
        if (s > 6.0) {
            s = s * 0.5 + x[2] * 1.54;
        } else {
            s = s + x[3] * x[2] / (x.length + 100054);
        }
        s = s * 0.945 + Math.sin(x[3] + 5.5) * x[0];
        t = t + s * x[0] - 1.56 * x[1] * x[1] * 100056 / (x.length + 100000);
        if (s > 4.0) {
            s = s * 0.5 + x[1] * 1.57;
        } else {
            s = s + x[2] * x[1] / (x.length + 100057);
        }
        s = s * 0.942 + Math.sin(x[2] + 5.8) * x[3];
        t = t + s * x[3] - 1.59 * x[0] * x[0] * 100059 / (x.length + 100000);
        if (s > 2.0) {
            s = s * 0.5 + x[0] * 1.60;
        } else {
            s = s + x[1] * x[0] / (x.length + 100060);
        }
        s = s * 0.939 + Math.sin(x[1] + 6.1) * x[2];
        t = t + s * x[2] - 1.62 * x[3] * x[3] * 100062 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[3] * 1.63;
        } else {
            s = s + x[0] * x[3] / (x.length + 100063);
        }
        s = s * 0.936 + Math.sin(x[0] + 6.4) * x[1];
        t = t + s * x[1] - 1.65 * x[2] * x[2] * 100065 / (x.length + 100000);
        if (s > 3.0) {
            s = s * 0.5 + x[2] * 1.66;
        } else {
            s = s + x[3] * x[2] / (x.length + 100066);
        }
        s = s * 0.933 + Math.sin(x[3] + 6.7) * x[0];
        t = t + s * x[0] - 1.68 * x[1] * x[1] * 100068 / (x.length + 100000);
        if (s > 6.0) {
            s = s * 0.5 + x[1] * 1.69;
        } else {
            s = s + x[2] * x[1] / (x.length + 100069);
        }
        s = s * 0.930 + Math.sin(x[2] + 7.0) * x[3];
        t = t + s * x[3] - 1.71 * x[0] * x[0] * 100071 / (x.length + 100000);
        if (s > 4.0) {
            s = s * 0.5 + x[0] * 1.72;
        } else {
            s = s + x[1] * x[0] / (x.length + 100072);
        }
        s = s * 0.927 + Math.sin(x[1] + 7.3) * x[2];
        t = t + s * x[2] - 1.74 * x[3] * x[3] * 100074 / (x.length + 100000);
        if (s > 2.0) {
            s = s * 0.5 + x[3] * 1.75;
        } else {
            s = s + x[0] * x[3] / (x.length + 100075);
        }
        s = s * 0.924 + Math.sin(x[0] + 7.6) * x[1];
        t = t + s * x[1] - 1.77 * x[2] * x[2] * 100077 / (x.length + 100000);
        if (s > 5.0) {
            s = s * 0.5 + x[2] * 1.78;
        } else {
            s = s + x[3] * x[2] / (x.length + 100078);
        }
        s = s * 0.921 + Math.sin(x[3] + 7.9) * x[0];
        return s + t;
    }
}
